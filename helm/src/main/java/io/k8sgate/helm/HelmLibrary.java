package io.k8sgate.helm;

import com.marcnuri.helm.jni.NativeLibrary;
import com.marcnuri.helm.jni.Result;
import com.marcnuri.helm.jni.TemplateOptions;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * Helm's Go library, loaded once per JVM, for the platform the JVM runs on.
 *
 * <p>helm-java ships one jar per platform, each registering a {@link NativeLibrary} service that names its binary
 * ({@code helm-linux-amd64.so}, {@code helm-darwin-10.12-arm64.dylib}, {@code helm-windows-4.0-amd64.dll}...). Its
 * own loader takes the first service it finds, whatever the platform, and when none is on the class path it
 * downloads one from Maven Central. An executable jar that carries several platforms needs the right one, and a
 * gate must never download code, so this class picks the service whose binary names this operating system and
 * architecture and loads it itself, with strings passed as UTF-8 whatever the JVM's default charset.
 *
 * <p>The library is not thread-safe (it redirects the process's standard streams around each call), so every call
 * holds one lock. Each call also registers Go signal handlers for SIGINT, SIGTERM and SIGQUIT, which would stop the
 * JVM from reacting to Ctrl-C, {@code kill} or a thread-dump request; {@link SignalHandlers} puts the JVM's handlers
 * back after every call.
 */
final class HelmLibrary {
    private static final Object LOCK = new Object();
    private static @Nullable HelmLibrary instance;
    private static @Nullable RuntimeException loadFailure;

    private final Binding binding;
    private final SignalHandlers signals;
    private final String platform;

    private HelmLibrary(final Binding binding, final SignalHandlers signals, final String platform) {
        this.binding = binding;
        this.signals = signals;
        this.platform = platform;
    }

    /**
     * The library for this platform, loaded on first use.
     *
     * @throws UnavailableException when this build carries no Helm library for the platform, or it cannot be loaded
     */
    @SuppressWarnings("StaticAssignmentOfThrowable") // why the library cannot load, told to every later caller
    static HelmLibrary get() {
        synchronized (LOCK) {
            if (instance == null && loadFailure == null) {
                try {
                    instance = load();
                } catch (UnavailableException e) {
                    loadFailure = e;
                }
            }
            if (instance == null) {
                throw Objects.requireNonNull(loadFailure);
            }
            return instance;
        }
    }

    /** The platform the library was built for, such as {@code linux-amd64}. */
    String platform() {
        return platform;
    }

    /**
     * Renders a chart as {@code helm template} does.
     *
     * @return Helm's output, or its error message
     */
    Output template(final TemplateCall call) {
        synchronized (LOCK) {
            TemplateResult result = null;
            try {
                result = binding.Template(new TemplateArguments(call));
                return new Output(Optional.ofNullable(result.out).orElse(""),
                        Optional.ofNullable(result.err).orElse(""));
            } finally {
                if (result != null) {
                    binding.Free(result);
                }
                signals.restore();
            }
        }
    }

    /** What one call asks of Helm; null fields are left to Helm's defaults. */
    record TemplateCall(String releaseName, String chart, String namespace, String kubeVersion,
            @Nullable String values, @Nullable String valuesFiles, String repositoryConfig, boolean debug) {
    }

    /** What Helm answered: the rendered manifest, or an error (empty when none). */
    record Output(String out, String err) {
    }

    /** Thrown when Helm's library cannot be used on this machine. */
    static final class UnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnavailableException(final String message, final @Nullable Throwable cause) {
            super(message, cause);
        }

        /** The message: never null, since the constructor takes one. */
        @Override
        public String getMessage() {
            return Objects.requireNonNull(super.getMessage());
        }
    }

    private static HelmLibrary load() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        List<NativeLibrary> carried = new ArrayList<>();
        ServiceLoader.load(NativeLibrary.class, HelmLibrary.class.getClassLoader()).forEach(carried::add);
        List<String> binaries = carried.stream().map(NativeLibrary::getBinaryName).toList();
        String platform = platform(os, arch);
        Optional<String> binaryName = binaryFor(binaries, os, arch);
        if (binaryName.isEmpty()) {
            throw new UnavailableException("Helm charts cannot be rendered on " + platform + ": this build carries "
                    + (binaries.isEmpty() ? "no Helm library"
                            : "Helm's library only for " + String.join(", ", binaries))
                    + ". Render the chart with `helm template` and check the output, or use a build made with the "
                    + "all-platforms profile.", null);
        }
        NativeLibrary chosen = carried.get(binaries.indexOf(binaryName.get()));
        SignalHandlers signals = SignalHandlers.save();
        Path binary = extract(chosen);
        try {
            Binding binding = Native.load(binary.toString(), Binding.class,
                    Map.of(Library.OPTION_STRING_ENCODING, StandardCharsets.UTF_8.name()));
            forget(binary);
            return new HelmLibrary(binding, signals, platform);
        } catch (UnsatisfiedLinkError e) {
            throw new UnavailableException("Cannot load Helm's library " + binary + " (" + e.getMessage()
                    + "). If the temporary directory does not allow executables, point java.io.tmpdir to one that "
                    + "does.", e);
        } finally {
            signals.restore();
        }
    }

    /**
     * Deletes the unpacked library once it is loaded, where the system allows it (a loaded file stays mapped on Linux
     * and macOS), so that 98 MB are not left in the temporary directory by a JVM that is killed; on Windows the file
     * is deleted when the JVM exits normally.
     */
    private static void forget(final Path binary) {
        if (com.sun.jna.Platform.isWindows()) {
            return;
        }
        try {
            Files.deleteIfExists(binary);
            Files.deleteIfExists(binary.getParent());
        } catch (IOException e) {
            // left for deleteOnExit: the library is loaded either way
            return;
        }
    }

    private static Path extract(final NativeLibrary library) {
        String name = library.getBinaryName();
        try (InputStream in = library.getClass().getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new UnavailableException("Helm's library " + name + " is registered but missing from the "
                        + "class path; the build that made this program is incomplete.", null);
            }
            Path dir = Files.createTempDirectory("k8sgate-helm");
            dir.toFile().deleteOnExit();
            Path target = dir.resolve(name);
            Files.copy(in, target);
            target.toFile().deleteOnExit();
            return target;
        } catch (IOException e) {
            throw new UnavailableException("Cannot unpack Helm's library " + name + " into the temporary directory: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The binary, among those of helm-java's platform jars on the class path, for a JVM reporting {@code os.name}
     * and {@code os.arch}: its name holds Go's names for both ({@code helm-linux-amd64.so},
     * {@code helm-darwin-10.12-arm64.dylib}, {@code helm-windows-4.0-amd64.dll}).
     */
    static Optional<String> binaryFor(final List<String> binaries, final String osName, final String osArch) {
        String os = goOs(osName);
        String arch = goArch(osArch);
        return binaries.stream().filter(b -> b.startsWith("helm-" + os + "-") && b.contains("-" + arch + "."))
                .findFirst();
    }

    private static String platform(final String osName, final String osArch) {
        return goOs(osName) + "-" + goArch(osArch);
    }

    private static String goOs(final String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return "windows";
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "darwin";
        }
        return os.replace(' ', '-');
    }

    private static String goArch(final String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
    }

    /** The two entry points this class uses, with results and arguments that carry strings as UTF-8. */
    public interface Binding extends Library {
        // CHECKSTYLE.OFF: MethodName - the method names are the library's exported C symbols
        TemplateResult Template(TemplateArguments options);

        void Free(TemplateResult result);
        // CHECKSTYLE.ON: MethodName
    }

    /** helm-java's result structure, read as UTF-8. */
    public static class TemplateResult extends Result {
        /** Made by JNA for each returned value. */
        // CHECKSTYLE.OFF: RedundantModifier - JNA creates it by reflection: it must stay public
        public TemplateResult() {
            super();
            setStringEncoding(StandardCharsets.UTF_8.name());
        }
        // CHECKSTYLE.ON: RedundantModifier
    }

    /** helm-java's template options, written as UTF-8. */
    public static class TemplateArguments extends TemplateOptions {
        TemplateArguments(final TemplateCall call) {
            super(call.releaseName(), null, call.chart(), call.namespace(), call.kubeVersion(), 0, 0, call.values(),
                    null, call.valuesFiles(), null, null, null, 0, 0, null, call.debug() ? 1 : 0,
                    call.repositoryConfig());
            setStringEncoding(StandardCharsets.UTF_8.name());
        }
    }
}
