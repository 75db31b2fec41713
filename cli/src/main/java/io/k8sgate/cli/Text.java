package io.k8sgate.cli;

/** Console text from untrusted inputs. */
final class Text {
    private Text() {
    }

    /** The text with control characters replaced, so that a manifest cannot forge lines of output. */
    static String clean(final String s) {
        return s.replaceAll("[\\p{Cntrl}&&[^\\t]]", " ");
    }
}
