File log = new File(basedir, 'build.log')
assert log.exists()
String text = log.getText('UTF-8')
// the failure names the decision, the threshold, the finding with file:line, and the report
assert text.contains('K8s Security Gate: FAIL (failOn HIGH')
assert text.contains('K8S-WL-001 Pod/payments/debug [shell] src/main/k8s/pod.yaml:11')
File report = new File(basedir, 'target/k8s-security/k8s-security-report.html')
assert text.contains('Report: ' + report.canonicalPath) || text.contains('Report: ' + report.absolutePath)
// the reports were written before the build failed
assert report.isFile()
assert report.getText('UTF-8').contains('class="decision decision-fail"')
assert new File(basedir, 'target/k8s-security/k8s-security-report.json').isFile()
assert new File(basedir, 'target/k8s-security/k8s-security-report.sarif').isFile()
assert new File(basedir, 'target/k8s-security/k8s-security-report.css').isFile()
return true
