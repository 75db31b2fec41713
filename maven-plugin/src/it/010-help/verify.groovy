String text = new File(basedir, 'build.log').getText('UTF-8')
assert text.contains('BUILD SUCCESS')
['k8s-security:check', 'k8s-security:aggregate', 'k8s-security:report', 'k8s-security:help'].each { goal ->
    assert text.contains(goal) : "help does not list ${goal}"
}
return true
