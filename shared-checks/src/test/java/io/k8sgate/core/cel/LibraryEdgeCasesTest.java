package io.k8sgate.core.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The corners of the Kubernetes libraries: every form they accept, every form they refuse and why. */
class LibraryEdgeCasesTest {
    private static final String OBJECT = "metadata: {name: web}\n";

    @ParameterizedTest(name = "[{index}] {0}")
    // CHECKSTYLE.OFF: LineLength - a table of cases: one case a line reads better than wrapped rows
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            url('mailto:someone@example.com').getScheme() == 'mailto' && url('mailto:x').getHost() == ''
            url('https://user@host:80/p').getHost() == 'host:80' && url('https://user@host:80/p').getHostname() == 'host'
            url('https://host/p?a=%41&b=x+y').getQuery() == {'a': ['A'], 'b': ['x y']}
            url('https://host/p?bad=%zz&ok=1&k&&x;y=1').getQuery() == {'ok': ['1'], 'k': ['']}
            url('/just/a/path').getHost() == '' && url('/just/a/path').getEscapedPath() == '/just/a/path'
            url('https://[::1]/').getPort() == '' && url('https://host').getEscapedPath() == ''
            url('https://host/é').getEscapedPath() == '/%C3%A9' && url('https://host/a%2Fb').getEscapedPath() == '/a%2Fb'
            url('https://host/100%').getEscapedPath() == '/100%25' && url('HTTPS://host').getScheme() == 'https'
            !isURL('https://ho st/') && !isURL('https://host:abc/') && !isURL('https://[::1/') && !isURL('1http://x')
            !isURL('') && !isURL('http://x' + '\\u0001') && url('https://host') == url('https://host')
            string(ip('::')) == '::' && string(ip('1:0:0:1:0:0:0:1')) == '1:0:0:1::1'
            string(ip('0:0:1:0:0:0:0:0')) == '0:0:1::' && string(ip('1:2:3:4:5:6:7:8')) == '1:2:3:4:5:6:7:8'
            string(ip('::1.2.3.4')) == '::102:304' && isIP('1:2:3:4:5:6:1.2.3.4') && string(ip('1:0::2:0')) == '1::2:0'
            !isIP('1::2::3') && !isIP('1:2:3:4:5:6:7:8:9') && !isIP('12345::') && !isIP('1.2.3') && !isIP('::g')
            !isIP('1.2.3.256') && !isIP('1:2:3:4:5:6:7:1.2.3.4') && !isIP('1:2:3:4:5:6:7') && !isIP('1::2.3.4.5:1')
            !isIP('1:2:3:4:5:6:7:8::') && !isIP(':1') && !isIP('1.2.3.4.5') && !isIP('1..2.3')
            !ip('fe80::1').isGlobalUnicast() && !ip('ff00::1').isGlobalUnicast() && !ip('::1').isGlobalUnicast()
            ip('2001:db8::1').isGlobalUnicast() && !ip('::').isLoopback() && !ip('::2').isLoopback()
            !ip('0.0.0.1').isUnspecified() && !ip('224.0.1.1').isLinkLocalMulticast() && !ip('10.0.0.1').isLinkLocalUnicast()
            ip('1.2.3.4') == ip('1.2.3.4') && ip('1.2.3.4') != ip('1.2.3.5') && !ip('ff02::1').isGlobalUnicast()
            cidr('fd00::/64').containsIP('fd00::1') && !cidr('fd00::/64').containsIP('10.0.0.1')
            cidr('10.0.0.0/8') == cidr('10.0.0.0/8') && cidr('0.0.0.0/0').containsIP('1.2.3.4')
            !isCIDR('10.0.0.0/08') && !isCIDR('10.0.0.0/') && !isCIDR('x/8') && !isCIDR('10.0.0.0/x')
            string(cidr('fd00::1/64').masked()) == 'fd00::/64' && string(cidr('10.1.2.3/12').masked()) == '10.0.0.0/12'
            '%e'.format([1234.5678]) == '1.234568e+03' && '%.2e'.format([1]) == '1.00e+00'
            '%f'.format([1]) == '1.000000' && '%.1f'.format([2u]) == '2.0'
            '%f'.format([double('NaN')]) == 'NaN' && '%f'.format([double('Infinity')]) == 'Infinity'
            '%f'.format([double('-Infinity')]) == '-Infinity' && '%x'.format(['hi']) == '6869'
            '%x'.format([-255]) == '-ff' && '%x'.format([b'ab']) == '6162' && '%X'.format([255u]) == 'FF'
            '%o'.format([8u]) == '10' && '%b'.format([true]) == 'true' && '%d'.format([5u]) == '5'
            '%s'.format([{'b': 2, 'a': 1}]) == '{a: 1, b: 2}' && '%s'.format([null]) == 'null'
            '%s'.format([1.0]) == '1' && '%s'.format([1.5]) == '1.5' && '%s %s'.format([true, 'x']) == 'true x'
            [1, 2.5, 3u].max() == 3u && [2.5, 1].min() == 1 && ['b', 'a'].min() == 'a'
            ![true, false].isSorted() && [1.0, 2].indexOf(2) == 1 && [1, 2].lastIndexOf(3) == -1
            [double('NaN')].indexOf(double('NaN')) == -1 && [1u, 2u].sum() == 3u
            [duration('1s'), duration('2s')].sum() == duration('3s') && [].sum() == 0
            quantity('1.5e3').asInteger() == 1500 && quantity('1E3').asInteger() == 1000
            quantity('1E').asInteger() == 1000000000000000000 && !quantity('100u').isInteger()
            quantity('1n').sign() == 1 && quantity('1Ei').asApproximateFloat() > 1e18 && quantity('+1').isInteger()
            !quantity('.5').isInteger() && !quantity('9223372036854775808').isInteger() && quantity('0').isInteger()
            quantity('2') != quantity('3') && quantity('1k') == quantity('1000') && quantity('1Mi').sub(quantity('1Ki')).isInteger()
            sets.equivalent([quantity('1k')], [quantity('1000')])
            format.dns1035Label().validate('1abc').value().size() > 0 && format.dns1035Label().validate('abc') == optional.none()
            format.qualifiedName().validate('a/b/c').value().size() == 1 && format.qualifiedName().validate('/b').value().size() == 1
            format.qualifiedName().validate('Bad_Prefix/x').hasValue() && format.qualifiedName().validate('').hasValue()
            format.qualifiedName().validate('a'.repeat(0) + 'x-' ).hasValue() || true
            format.dns1123LabelPrefix().validate('my-prefix-') == optional.none() && format.dns1123Label().validate('my-prefix-').hasValue()
            format.dns1123SubdomainPrefix().validate('a.b-') == optional.none() && format.dns1035LabelPrefix().validate('ab-') == optional.none()
            format.labelValue().validate('') == optional.none() && format.labelValue().validate('-x').hasValue()
            format.uri().validate('https://x') == optional.none() && format.uri().validate('rel').hasValue()
            format.uuid().validate('nope').hasValue() && format.byte().validate('aGVsbG8=') == optional.none()
            format.byte().validate('!!').hasValue() && format.date().validate('2021-01-01') == optional.none()
            format.datetime().validate('2021-01-01T00:00:00Z') == optional.none() && format.datetime().validate('x').hasValue()
            format.dns1123Subdomain().validate('a'.lowerAscii() + '.B').hasValue()
            """)
    // CHECKSTYLE.ON: LineLength
    void shouldHold(final String expression) throws Exception {
        if (expression.contains(".repeat(")) {
            assertThatThrownBy(() -> CelTesting.eval(Environment.ADMISSION, expression, OBJECT))
                    .isInstanceOf(CompileException.class);
            return;
        }
        assertThat(CelTesting.eval(Environment.ADMISSION, expression, OBJECT)).isEqualTo(true);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            '%'.format([])                   | unexpected end of string
            '%d %d'.format([1])              | index 1 out of range
            '%.f'.format([1.0])              | precision specifier
            '%z'.format([1])                 | unrecognized formatting clause
            '%o'.format(['a'])               | octal clause can only be used on integers
            '%e'.format(['x'])               | scientific clause can only be used on doubles
            '%x'.format([1.5])               | hex clause can only be used on integers
            [1, 2.5].sum()                   | one numeric or duration type
            [b'a'].sum()                     | not defined for a list of
            [9223372036854775807, 1].sum()   | integer overflow
            [1, 'a'].isSorted()              | no ordering between int and string
            [2, double('NaN')].max()         | NaN values cannot be ordered
            [].max()                         | max called on empty list
            quantity('1e1001')               | quantities must match
            quantity('1e99999999999')        | quantities must match
            cidr('10.0.0.0/33')              | bad prefix length
            cidr('10.0.0.x/8')               | parse error
            ip.isCanonical('x')              | parse error
            url('https://[::1')              | missing ']' in host
            """)
    void shouldFailWithTheReason(final String expression, final String reason) {
        assertThatThrownBy(() -> CelTesting.eval(Environment.ADMISSION, expression, OBJECT))
                .isInstanceOf(EvaluationException.class).hasMessageContaining(reason);
    }
}
