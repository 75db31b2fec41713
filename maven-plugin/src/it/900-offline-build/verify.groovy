String text = new File(basedir, 'build.log').getText('UTF-8')
assert text.contains('BUILD SUCCESS')
assert text =~ /K8s Security Gate \S+: PASS/
assert !text.contains('Downloading from')
assert new File(basedir, 'target/k8s-security/k8s-security-report.html').isFile()
return true
