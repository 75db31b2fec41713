package io.k8sgate.core.cel;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 address read as Kubernetes' CEL IP library reads it: a literal only (never a host name), IPv4
 * without leading zeros, IPv6 without a zone and not IPv4-mapped. Equal when the addresses are.
 */
final class IpAddress {
    private final byte[] bytes;

    IpAddress(final byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** The address, or why the text is not one. */
    static Parsed parse(final String text) {
        if (text.indexOf('%') >= 0) {
            return Parsed.error("IP address with zone value is not allowed");
        }
        Optional<byte[]> bytes = text.indexOf(':') >= 0 ? parse6(text) : parse4(text);
        if (bytes.isEmpty()) {
            return Parsed.error("IP Address \"" + text + "\" parse error during conversion from string");
        }
        byte[] b = bytes.get();
        if (b.length == 16 && isMapped4(b)) {
            return Parsed.error("IPv4-mapped IPv6 address \"" + text + "\" is not allowed");
        }
        return new Parsed(new IpAddress(b), "");
    }

    /** The result of reading an address: the address, or a message. */
    record Parsed(@Nullable IpAddress address, String error) {
        static Parsed error(final String message) {
            return new Parsed(null, message);
        }

        boolean ok() {
            return address != null;
        }
    }

    static Optional<byte[]> parse4(final String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0') || !p.chars()
                    .allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return Optional.empty();
            }
            out[i] = (byte) v;
        }
        return Optional.of(out);
    }

    private static Optional<byte[]> parse6(final String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        byte[] out = new byte[16];
        int[] headBytes = groups(head, gap < 0);
        if (headBytes == null) {
            return Optional.empty();
        }
        int[] tailBytes = gap >= 0 ? groups(tail, true) : new int[0];
        if (tailBytes == null) {
            return Optional.empty();
        }
        int total = headBytes.length + tailBytes.length;
        if (gap < 0 ? total != 16 : total > 14) {
            return Optional.empty();
        }
        for (int i = 0; i < headBytes.length; i++) {
            out[i] = (byte) headBytes[i];
        }
        for (int i = 0; i < tailBytes.length; i++) {
            out[16 - tailBytes.length + i] = (byte) tailBytes[i];
        }
        return Optional.of(out);
    }

    /** Reads colon-separated hex groups, the last of which may be a dotted IPv4 address when {@code last} is true. */
    private static int @Nullable [] groups(final String part, final boolean last) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] groups = part.split(":", -1);
        int[] out = new int[16];
        int n = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (last && i == groups.length - 1 && g.indexOf('.') >= 0) {
                Optional<byte[]> v4 = parse4(g);
                if (v4.isEmpty() || n + 4 > 16) {
                    return null;
                }
                for (byte b : v4.get()) {
                    out[n++] = b & 0xff;
                }
                continue;
            }
            if (g.isEmpty() || g.length() > 4 || n + 2 > 16 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return null;
            }
            int v = Integer.parseInt(g, 16);
            out[n++] = v >> 8;
            out[n++] = v & 0xff;
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean isMapped4(final byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    byte[] bytes() {
        return bytes.clone();
    }

    /** 4 or 6. */
    long family() {
        return bytes.length == 4 ? 4 : 6;
    }

    private int at(final int i) {
        return bytes[i] & 0xff;
    }

    boolean isUnspecified() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    boolean isLoopback() {
        if (bytes.length == 4) {
            return at(0) == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return at(15) == 1;
    }

    boolean isMulticast() {
        return bytes.length == 4 ? (at(0) & 0xf0) == 0xe0 : at(0) == 0xff;
    }

    boolean isLinkLocalMulticast() {
        return bytes.length == 4 ? at(0) == 224 && at(1) == 0 && at(2) == 0 : at(0) == 0xff && (at(1) & 0x0f) == 0x02;
    }

    boolean isLinkLocalUnicast() {
        return bytes.length == 4 ? at(0) == 169 && at(1) == 254 : at(0) == 0xfe && (at(1) & 0xc0) == 0x80;
    }

    boolean isGlobalUnicast() {
        boolean broadcast = bytes.length == 4 && at(0) == 255 && at(1) == 255 && at(2) == 255 && at(3) == 255;
        return !broadcast && !isUnspecified() && !isLoopback() && !isMulticast() && !isLinkLocalUnicast();
    }

    /** The canonical text: dotted decimal, or RFC 5952 for IPv6 (lower case, the longest run of zeros as ::). */
    @Override
    public String toString() {
        if (bytes.length == 4) {
            return at(0) + "." + at(1) + "." + at(2) + "." + at(3);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = at(2 * i) << 8 | at(2 * i + 1);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8;) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof IpAddress ip && Arrays.equals(bytes, ip.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
