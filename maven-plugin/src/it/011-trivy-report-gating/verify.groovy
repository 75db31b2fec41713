String text = new File(basedir, 'build.log').getText('UTF-8')
// the scan report of the deployed image fails the gate: a fixable CRITICAL vulnerability
assert text.contains('K8s Security Gate: FAIL (failOn HIGH')
assert text =~ /K8S-IMG-001 .*CVE-2026-10001/
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/k8s-security/k8s-security-report.json'))
assert json.decision.status == 'FAIL'
def image = json.findings.findAll { it.checkId == 'K8S-IMG-001' }
assert image.size() >= 1
assert image.any { it.message.contains('CVE-2026-10001') }
return true
