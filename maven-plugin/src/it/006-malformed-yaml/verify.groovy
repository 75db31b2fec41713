String text = new File(basedir, 'build.log').getText('UTF-8')
assert text.contains('the input could not be used (failOnInputError: the gate fails closed)')
assert text =~ /src\/main\/k8s\/config\.yaml:[67]: .*\[yaml-syntax\]/
// an execution error, not a gate failure
assert text.contains('MojoExecutionException') || text.contains('Failed to execute goal')
assert new File(basedir, 'target/k8s-security/k8s-security-report.json').isFile()
return true
