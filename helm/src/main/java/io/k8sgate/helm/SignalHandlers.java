package io.k8sgate.helm;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JVM's handlers for SIGINT, SIGTERM and SIGQUIT, saved before Helm's library is loaded and put back after each
 * call into it.
 *
 * <p>Helm's install action, which {@code helm template} runs, calls Go's {@code signal.Notify} for these signals.
 * In a Go library loaded into another process that replaces the process's handlers, and Go does not pass such
 * signals on: after one chart was rendered, Ctrl-C, {@code kill} and a CI runner's abort would no longer stop the JVM
 * (its shutdown hooks would not run) and SIGQUIT would no longer print a thread dump. The handlers are saved and
 * restored as opaque {@code struct sigaction} buffers with the C library's {@code sigaction}, so no structure layout
 * is assumed. Windows has no POSIX signals (Go watches console events there instead); nothing is done on Windows.
 */
final class SignalHandlers {
    /** SIGINT, SIGQUIT and SIGTERM: the same numbers on Linux and macOS. */
    private static final List<Integer> SIGNALS = List.of(2, 3, 15);
    /** Larger than {@code struct sigaction} on every supported platform (152 bytes on Linux x86-64). */
    private static final int SIGACTION_BUFFER = 1024;

    private final @Nullable CLibrary libc;
    private final Memory[] saved;

    private SignalHandlers(final @Nullable CLibrary libc, final Memory[] saved) {
        this.libc = libc;
        this.saved = saved;
    }

    /** Saves the handlers in place now (the JVM's). */
    static SignalHandlers save() {
        if (Platform.isWindows()) {
            return new SignalHandlers(null, new Memory[0]);
        }
        CLibrary libc = Native.load(Platform.C_LIBRARY_NAME, CLibrary.class);
        Memory[] saved = new Memory[SIGNALS.size()];
        for (int i = 0; i < saved.length; i++) {
            Memory buffer = new Memory(SIGACTION_BUFFER);
            buffer.clear();
            if (libc.sigaction(SIGNALS.get(i), null, buffer) != 0) {
                throw new IllegalStateException("sigaction(" + SIGNALS.get(i) + ") failed");
            }
            saved[i] = buffer;
        }
        return new SignalHandlers(libc, saved);
    }

    /** Puts the saved handlers back. */
    void restore() {
        if (libc == null) {
            return;
        }
        for (int i = 0; i < saved.length; i++) {
            libc.sigaction(SIGNALS.get(i), saved[i], null);
        }
    }

    /** The one C library function used. */
    public interface CLibrary extends Library {
        /** {@code int sigaction(int signum, const struct sigaction *act, struct sigaction *oldact)}. */
        int sigaction(int signal, @Nullable Pointer action, @Nullable Pointer previous);
    }
}
