package io.k8sgate.core.cel;

import dev.cel.common.types.CelType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import java.util.List;
import java.util.Optional;

/** The Kubernetes IP and CIDR libraries: {@code ip(s)}, {@code isIP(s)}, {@code cidr(s)}, {@code isCIDR(s)}, ... */
final class NetworkLibrary {
    static final CelType IP = OpaqueType.create("net.IP");
    static final CelType CIDR = OpaqueType.create("net.CIDR");

    private NetworkLibrary() {
    }

    static Library create() {
        List<Class<?>> str = List.of(String.class);
        List<Class<?>> ip = List.of(IpAddress.class);
        List<Class<?>> cidr = List.of(Cidr.class);
        List<CelType> s = List.of(SimpleType.STRING);
        List<CelType> i = List.of(IP);
        List<CelType> c = List.of(CIDR);
        return new Library()
                .global("ip", "k8s_string_to_ip", IP, s, str, args -> ip((String) args[0]))
                .global("isIP", "k8s_is_ip", SimpleType.BOOL, s, str, args -> IpAddress.parse((String) args[0]).ok())
                .global("ip.isCanonical", "k8s_ip_is_canonical", SimpleType.BOOL, s, str,
                        args -> ip((String) args[0]).toString().equals(args[0]))
                .global("string", "k8s_ip_to_string", SimpleType.STRING, i, ip, args -> args[0].toString())
                .member("family", "k8s_ip_family", SimpleType.INT, i, ip, args -> ((IpAddress) args[0]).family())
                .member("isUnspecified", "k8s_ip_is_unspecified", SimpleType.BOOL, i, ip,
                        args -> ((IpAddress) args[0]).isUnspecified())
                .member("isLoopback", "k8s_ip_is_loopback", SimpleType.BOOL, i, ip,
                        args -> ((IpAddress) args[0]).isLoopback())
                .member("isLinkLocalMulticast", "k8s_ip_is_link_local_multicast", SimpleType.BOOL, i, ip,
                        args -> ((IpAddress) args[0]).isLinkLocalMulticast())
                .member("isLinkLocalUnicast", "k8s_ip_is_link_local_unicast", SimpleType.BOOL, i, ip,
                        args -> ((IpAddress) args[0]).isLinkLocalUnicast())
                .member("isGlobalUnicast", "k8s_ip_is_global_unicast", SimpleType.BOOL, i, ip,
                        args -> ((IpAddress) args[0]).isGlobalUnicast())
                .global("cidr", "k8s_string_to_cidr", CIDR, s, str, args -> cidr((String) args[0]))
                .global("isCIDR", "k8s_is_cidr", SimpleType.BOOL, s, str,
                        args -> Cidr.parse((String) args[0], new StringBuilder()).isPresent())
                .global("string", "k8s_cidr_to_string", SimpleType.STRING, c, cidr, args -> args[0].toString())
                .member("ip", "k8s_cidr_ip", IP, c, cidr, args -> ((Cidr) args[0]).address())
                .member("masked", "k8s_cidr_masked", CIDR, c, cidr, args -> ((Cidr) args[0]).masked())
                .member("prefixLength", "k8s_cidr_prefix_length", SimpleType.INT, c, cidr,
                        args -> ((Cidr) args[0]).prefixLength())
                .member("containsIP", "k8s_cidr_contains_ip", SimpleType.BOOL, List.of(CIDR, IP),
                        List.of(Cidr.class, IpAddress.class), args -> ((Cidr) args[0]).contains((IpAddress) args[1]))
                .member("containsIP", "k8s_cidr_contains_ip_string", SimpleType.BOOL, List.of(CIDR,
                        SimpleType.STRING), List.of(Cidr.class, String.class),
                        args -> ((Cidr) args[0]).contains(ip((String) args[1])))
                .member("containsCIDR", "k8s_cidr_contains_cidr", SimpleType.BOOL, List.of(CIDR, CIDR),
                        List.of(Cidr.class, Cidr.class), args -> ((Cidr) args[0]).contains((Cidr) args[1]))
                .member("containsCIDR", "k8s_cidr_contains_cidr_string", SimpleType.BOOL, List.of(CIDR,
                        SimpleType.STRING), List.of(Cidr.class, String.class),
                        args -> ((Cidr) args[0]).contains(cidr((String) args[1])));
    }

    private static IpAddress ip(final String text) throws CelEvaluationException {
        IpAddress.Parsed parsed = IpAddress.parse(text);
        if (parsed.address() == null) {
            throw new CelEvaluationException(parsed.error());
        }
        return parsed.address();
    }

    private static Cidr cidr(final String text) throws CelEvaluationException {
        StringBuilder error = new StringBuilder();
        Optional<Cidr> parsed = Cidr.parse(text, error);
        if (parsed.isEmpty()) {
            throw new CelEvaluationException(error.toString());
        }
        return parsed.get();
    }
}
