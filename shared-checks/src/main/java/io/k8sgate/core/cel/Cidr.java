package io.k8sgate.core.cel;

import java.util.Arrays;
import java.util.Optional;

/** An IP prefix ({@code 10.0.0.0/8}, {@code fd00::/64}) as Kubernetes' CEL CIDR library reads it. */
final class Cidr {
    private final IpAddress address;
    private final int bits;

    Cidr(final IpAddress address, final int bits) {
        this.address = address;
        this.bits = bits;
    }

    /** The prefix, or why the text is not one. */
    static Optional<Cidr> parse(final String text, final StringBuilder error) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            error.append("network address parse error during conversion from string: no '/' in \"").append(text)
                    .append('"');
            return Optional.empty();
        }
        IpAddress.Parsed ip = IpAddress.parse(text.substring(0, slash));
        IpAddress address = ip.address();
        if (address == null) {
            error.append("network address parse error during conversion from string: ").append(ip.error());
            return Optional.empty();
        }
        String length = text.substring(slash + 1);
        int max = address.bytes().length * 8;
        if (length.isEmpty() || length.length() > 3 || (length.length() > 1 && length.charAt(0) == '0')
                || !length.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(length) > max) {
            error.append("network address parse error during conversion from string: bad prefix length in \"")
                    .append(text).append('"');
            return Optional.empty();
        }
        return Optional.of(new Cidr(address, Integer.parseInt(length)));
    }

    IpAddress address() {
        return address;
    }

    long prefixLength() {
        return bits;
    }

    /** The prefix with the host bits cleared. */
    Cidr masked() {
        byte[] b = address.bytes();
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - 8 * i));
            b[i] = (byte) (b[i] & (0xff << (8 - keep)));
        }
        return new Cidr(new IpAddress(b), bits);
    }

    boolean contains(final IpAddress ip) {
        byte[] mine = masked().address.bytes();
        byte[] theirs = new Cidr(ip, bits).masked().address.bytes();
        return mine.length == theirs.length && Arrays.equals(mine, theirs);
    }

    boolean contains(final Cidr other) {
        return other.bits >= bits && contains(other.address);
    }

    @Override
    public String toString() {
        return address + "/" + bits;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Cidr c && bits == c.bits && address.equals(c.address);
    }

    @Override
    public int hashCode() {
        return address.hashCode() * 31 + bits;
    }
}
