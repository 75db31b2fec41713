package io.k8sgate.cli;

/** Console text from untrusted inputs. */
final class Text {
    private Text() {
    }

    /**
     * The text for one line of output: control characters (C1 ones included), line breaks and direction overrides
     * shown as their code points and a huge value shortened, so that a manifest cannot forge lines of output or
     * reorder them.
     */
    static String clean(final String s) {
        return io.k8sgate.core.model.Printable.line(s);
    }
}
