package io.k8sgate.core.cel;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import java.util.List;

/**
 * The Kubernetes URL library: {@code url(s)}, {@code isURL(s)} and, on a URL, {@code getScheme}, {@code getHost},
 * {@code getHostname}, {@code getPort}, {@code getEscapedPath}, {@code getQuery}.
 */
final class UrlLibrary {
    static final CelType URL = OpaqueType.create("kubernetes.URL");

    private UrlLibrary() {
    }

    static Library create() {
        List<Class<?>> url = List.of(KubeUrl.class);
        List<CelType> u = List.of(URL);
        return new Library()
                .global("url", "k8s_string_to_url", URL, List.of(SimpleType.STRING), List.of(String.class), args -> {
                    StringBuilder error = new StringBuilder();
                    return KubeUrl.parse((String) args[0], error)
                            .orElseThrow(() -> new CelEvaluationException("URL parse error during conversion from "
                                    + "string: " + error));
                })
                .global("isURL", "k8s_is_url_string", SimpleType.BOOL, List.of(SimpleType.STRING),
                        List.of(String.class), args -> KubeUrl.parse((String) args[0], new StringBuilder()).isPresent())
                .member("getScheme", "k8s_url_get_scheme", SimpleType.STRING, u, url,
                        args -> ((KubeUrl) args[0]).scheme())
                .member("getHost", "k8s_url_get_host", SimpleType.STRING, u, url, args -> ((KubeUrl) args[0]).host())
                .member("getHostname", "k8s_url_get_hostname", SimpleType.STRING, u, url,
                        args -> ((KubeUrl) args[0]).hostname())
                .member("getPort", "k8s_url_get_port", SimpleType.STRING, u, url, args -> ((KubeUrl) args[0]).port())
                .member("getEscapedPath", "k8s_url_get_escaped_path", SimpleType.STRING, u, url,
                        args -> ((KubeUrl) args[0]).escapedPath())
                .member("getQuery", "k8s_url_get_query", MapType.create(SimpleType.STRING,
                        ListType.create(SimpleType.STRING)), u, url, args -> ((KubeUrl) args[0]).query());
    }
}
