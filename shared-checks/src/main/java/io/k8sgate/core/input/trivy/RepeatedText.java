package io.k8sgate.core.input.trivy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * One field of the vulnerabilities of a report, read as shared text. Trivy lists vulnerabilities package by package,
 * so a field such as the package name or installed version usually holds the same text as in one of the last few
 * vulnerabilities (a CVSS vector alternates between the sources that rate it): that case costs a comparison with each
 * of the {@value #RECENT} most recent values; any other goes to the report's {@link Interner}.
 */
final class RepeatedText {
    private static final int RECENT = 4;
    private final Interner interner;
    private final char[][] recentChars = new char[RECENT][];
    private final String[] recentValues = new String[RECENT];
    private int next;

    RepeatedText(final Interner interner) {
        this.interner = interner;
    }

    /** The shared text of the string the stream stands at ({@code ""} for null; any other value is refused). */
    String read(final ReportJson json, final JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            return json.string();
        }
        JsonParser p = json.parser();
        char[] buffer = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        json.memory().text(json, length);
        for (int i = 0; i < RECENT; i++) {
            char[] recent = recentChars[i];
            if (recent != null && recent.length == length
                    && Arrays.equals(recent, 0, length, buffer, offset, offset + length)) {
                return recentValues[i];
            }
        }
        String value = interner.text(buffer, offset, length);
        recentChars[next] = Arrays.copyOfRange(buffer, offset, offset + length);
        recentValues[next] = value;
        next = (next + 1) % RECENT;
        return value;
    }
}
