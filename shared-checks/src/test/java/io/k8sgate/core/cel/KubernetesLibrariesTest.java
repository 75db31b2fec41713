package io.k8sgate.core.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Kubernetes CEL libraries, against the examples and rules of the Kubernetes documentation. */
class KubernetesLibrariesTest {
    private static final String OBJECT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels: {app: web, tier: front}
            spec:
              replicas: 3
              template:
                spec:
                  containers:
                  - {name: app, image: registry.acme.io/web:1.2, resources: {limits: {memory: 512Mi, cpu: 500m}}}
                  - {name: sidecar, image: docker.io/envoy:1.30}
            """;

    @ParameterizedTest(name = "[{index}] {0}")
    // CHECKSTYLE.OFF: LineLength - a table of cases: one case a line reads better than wrapped rows
    @CsvSource(delimiter = '|', textBlock = """
            [3, 1, 2].sum() == 6                                                  | true
            [1.5, 2.5].sum() == 4.0                                               | true
            [3, 1, 2].min() == 1 && [3, 1, 2].max() == 3                          | true
            ['a', 'b', 'c'].isSorted() && ![2, 1].isSorted()                      | true
            ['a', 'b', 'a'].indexOf('a') == 0 && ['a', 'b', 'a'].lastIndexOf('a') == 2 | true
            [1, 2].indexOf(3) == -1                                               | true
            'abc 123'.find('[0-9]+') == '123' && 'abc'.find('[0-9]+') == ''       | true
            '1, 2, 3, 4'.findAll('[0-9]+').map(x, int(x)).sum() < 100             | true
            '1, 2, 3, 4'.findAll('[0-9]+', 2) == ['1', '2']                       | true
            url('https://example.com:80/').getHost() == 'example.com:80'          | true
            url('https://example.com/path with spaces/').getEscapedPath() == '/path%20with%20spaces/' | true
            url('https://[::1]:8080/x?a=1&a=2&b=c').getHostname() == '::1'        | true
            url('https://[::1]:8080/x?a=1&a=2&b=c').getPort() == '8080'           | true
            url('https://[::1]:8080/x?a=1&a=2&b=c').getQuery()['a'] == ['1', '2'] | true
            url('https://example.com/').getScheme() == 'https'                    | true
            isURL('https://example.com') && isURL('/absolute/path') && !isURL('relative') | true
            quantity('50k').asInteger() == 50000                                  | true
            quantity('500000G').isInteger() && !quantity('500m').isInteger()      | true
            quantity('200M').compareTo(quantity('0.2G')) == 0                     | true
            quantity('150Mi').isGreaterThan(quantity('100Mi'))                    | true
            quantity('50M').isLessThan(quantity('100M'))                          | true
            quantity('50k').add(20).sub(quantity('100k')).sub(-50000) == quantity('20')  | true
            quantity('1Ki').asInteger() == 1024 && quantity('1e3').asInteger() == 1000 | true
            quantity('-1').sign() == -1 && quantity('0').sign() == 0              | true
            quantity('9999999999999999999999999999999999999G').asApproximateFloat() > 1e45 | true
            isQuantity('1.5Gi') && !isQuantity('1.5 Gi') && !isQuantity('')      | true
            ip('127.0.0.1').isLoopback() && ip('::1').isLoopback()               | true
            ip('10.0.0.1').family() == 4 && ip('fd00::1').family() == 6          | true
            ip('10.0.0.1').isGlobalUnicast() && !ip('255.255.255.255').isGlobalUnicast() | true
            ip('169.254.1.1').isLinkLocalUnicast() && ip('fe80::1').isLinkLocalUnicast() | true
            ip('224.0.0.1').isLinkLocalMulticast() && ip('ff02::1').isLinkLocalMulticast() | true
            ip('0.0.0.0').isUnspecified() && ip('::').isUnspecified()            | true
            string(ip('2001:DB8:0:0:0:0:0:1')) == '2001:db8::1'                  | true
            ip.isCanonical('2001:db8::1') && !ip.isCanonical('2001:DB8::1')      | true
            isIP('1.2.3.4') && !isIP('1.2.3.04') && !isIP('fe80::1%eth0') && !isIP('::ffff:1.2.3.4') | true
            cidr('10.0.0.0/8').containsIP('10.1.2.3') && !cidr('10.0.0.0/8').containsIP(ip('11.0.0.1')) | true
            cidr('10.0.0.0/8').containsCIDR('10.1.0.0/16') && !cidr('10.1.0.0/16').containsCIDR(cidr('10.0.0.0/8')) | true
            string(cidr('192.168.1.5/24').masked()) == '192.168.1.0/24'         | true
            cidr('192.168.1.5/24').prefixLength() == 24 && string(cidr('192.168.1.5/24').ip()) == '192.168.1.5' | true
            isCIDR('fd00::/64') && !isCIDR('10.0.0.0/33') && !isCIDR('10.0.0.0')  | true
            format.dns1123Label().validate('my-name').hasValue() == false          | true
            format.dns1123Label().validate('My_Name').value().size() == 1          | true
            format.named('dns1123Subdomain').value().validate('example.com') == optional.none() | true
            format.named('nonexistent').hasValue() == false                        | true
            format.qualifiedName().validate('example.com/MyName') == optional.none() | true
            format.labelValue().validate('a' + 'b'.repeat(0)) == optional.none()   | ERROR
            format.uuid().validate('123e4567-e89b-12d3-a456-426614174000') == optional.none() | true
            format.date().validate('2021-02-30').hasValue()                        | true
            'replicas: %d, ratio: %.2f, name: %s'.format([3, 0.5, 'web']) == 'replicas: 3, ratio: 0.50, name: web' | true
            '%x %X %o %b %%'.format([255, 255, 8, 5]) == 'ff FF 10 101 %'         | true
            '%s'.format([[1, 'a']]) == '[1, a]'                                     | true
            'a,b'.split(',').join('-') == 'a-b' && 'Hello'.lowerAscii() == 'hello' | true
            sets.contains([1, 2, 3], [2]) && sets.intersects([1], [1, 4])          | true
            {'a': 1, 'b': 2}.all(k, v, v > 0) && [10, 20].exists(i, v, i == 1 && v == 20) | true
            object.spec.?strategy.orValue('none') == 'none'                       | true
            object.spec.replicas > 2.5                                            | true
            object.spec.template.spec.containers.all(c, c.image.startsWith('registry.acme.io/')) | false
            object.spec.template.spec.containers.map(c, c.name).join(',') == 'app,sidecar' | true
            quantity(object.spec.template.spec.containers[0].resources.limits.memory).isLessThan(quantity('1Gi')) | true
            request.operation == 'CREATE' && request.kind.kind == 'Deployment' && request.namespace == 'shop' | true
            oldObject == null && params == null && namespaceObject == null        | true
            """)
    // CHECKSTYLE.ON: LineLength
    void shouldEvaluateLikeKubernetes(final String expression, final String expected) throws Exception {
        if ("ERROR".equals(expected)) {
            assertThatThrownBy(() -> CelTesting.eval(Environment.ADMISSION, expression, OBJECT))
                    .isInstanceOf(CompileException.class);
            return;
        }
        assertThat(CelTesting.eval(Environment.ADMISSION, expression, OBJECT)).hasToString(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    // CHECKSTYLE.OFF: LineLength - a table of cases: one case a line reads better than wrapped rows
    @CsvSource(delimiter = '|', textBlock = """
            quantity('1.5 Gi')                         | quantities must match
            quantity('500m').asInteger()               | cannot convert value to integer
            ip('fe80::1%eth0')                         | zone value is not allowed
            ip('::ffff:1.2.3.4')                       | IPv4-mapped IPv6 address
            ip('999.1.1.1')                            | parse error
            cidr('10.0.0.0')                           | no '/'
            url('relative/path')                       | invalid URI for request
            [].min()                                   | min called on empty list
            'x'.find('[')                              | invalid regular expression
            '%d'.format(['a'])                         | decimal clause can only be used on integers
            object.spec.missing                        | missing
            authorizer.group('').resource('pods').namespace('default').check('create').allowed() | not evaluated before deploy
            authorizer.requestResource.check('create').allowed() | not evaluated before deploy
            """)
    // CHECKSTYLE.ON: LineLength
    void shouldFailWithTheReason(final String expression, final String reason) {
        assertThatThrownBy(() -> CelTesting.eval(Environment.ADMISSION, expression, OBJECT))
                .isInstanceOfSatisfying(EvaluationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(EvaluationException.Kind.ERROR);
                    assertThat(e.getMessage()).contains(reason).contains("resulted in error");
                });
    }
}
