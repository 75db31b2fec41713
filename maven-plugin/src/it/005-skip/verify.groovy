String text = new File(basedir, 'build.log').getText('UTF-8')
assert text.contains('K8s Security Gate: skipped (k8s-security.skip)')
assert text.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/k8s-security').exists()
return true
