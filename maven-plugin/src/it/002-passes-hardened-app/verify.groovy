String text = new File(basedir, 'build.log').getText('UTF-8')
assert text.contains('K8s Security Gate')
assert text =~ /K8s Security Gate \S+: PASS/
assert text.contains('BUILD SUCCESS')
File out = new File(basedir, 'target/k8s-security')
['k8s-security-report.html', 'k8s-security-report.json', 'k8s-security-report.sarif', 'k8s-security-junit.xml',
 'k8s-security-summary.md', 'k8s-security-report.css'].each { name ->
    assert new File(out, name).isFile() : "missing report ${name}"
}
def json = new groovy.json.JsonSlurper().parse(new File(out, 'k8s-security-report.json'))
assert json.decision.status == 'PASS'
assert json.policy.source.endsWith('k8s-security.yaml')
assert json.summary.resources == 3
return true
