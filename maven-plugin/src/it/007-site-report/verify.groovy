String text = new File(basedir, 'build.log').getText('UTF-8')
assert text.contains('BUILD SUCCESS')
File page = new File(basedir, 'target/site/k8s-security.html')
assert page.isFile()
String html = page.getText('UTF-8')
// the page carries the gate's decision and the findings, styled by the report's stylesheet
assert html.contains('class="decision decision-fail"')
assert html.contains('>FAIL<')
assert html.contains('K8S-WL-001')
assert html.contains('src/main/k8s/pod.yaml:11')
assert html.contains('href="k8s-security-report.css"')
assert new File(basedir, 'target/site/k8s-security-report.css').isFile()
return true
