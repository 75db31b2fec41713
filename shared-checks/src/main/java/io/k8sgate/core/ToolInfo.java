package io.k8sgate.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's name and version, as the build wrote them. */
public final class ToolInfo {
    /** The tool's name in reports. */
    public static final String NAME = "k8s-security-gate";
    /** Where reports point for documentation. */
    public static final String INFORMATION_URI = "https://github.com/k8sgate/k8s-security-gate";
    private static final String VERSION = readVersion();

    private ToolInfo() {
    }

    /** The version of this build. */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = ToolInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "development";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "development");
        } catch (IOException e) {
            return "development";
        }
    }
}
