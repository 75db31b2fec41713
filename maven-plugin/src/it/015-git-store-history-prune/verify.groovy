String log = new File(basedir, 'build.log').getText('UTF-8')
// 1-2: both versions went into the Git store
assert log.contains('Recorded baseline version 1')
assert log.contains('Recorded baseline version 2')
// recorded with force: the failing decision does not fail these builds, so the log shows it as a warning
assert log =~ /\[WARNING\] K8s Security Gate [^:]+: FAIL/
assert !(log =~ /\[ERROR\] K8s Security Gate [^:]+: FAIL/)
// 3: the history table, with each version's build
assert log =~ /\[INFO\] VERSION +RECORDED +REVISION +BUILD/
assert log =~ /\[INFO\] 1 +\S+ +\S+ +it-1 /
assert log =~ /\[INFO\] 2 +\S+ +\S+ +it-2 /
// 4: the privileged pod was added between the versions, and its finding is new
assert log.contains('[INFO]   + Pod/payments/debug')
assert log =~ /new: CRITICAL K8S-WL-001 Pod\/payments\/debug/
assert log.contains('failOnDrift is true')
// 5-6: version 1 pruned, version 2 kept
assert log.contains('Removed 1 version(s): [v1]; 1 kept')
int last = log.lastIndexOf('VERSION')
assert !(log.substring(last) =~ /\[INFO\] 1 +\S+ +\S+ +it-1 /)
assert log.substring(last) =~ /\[INFO\] 2 +\S+ +\S+ +it-2 /
// the versions are commits on the store's branch of the bare repository
File refs = new File(basedir, 'baselines.git')
Process git = new ProcessBuilder('git', 'log', '--oneline', 'k8s-security-baselines').directory(refs)
        .redirectErrorStream(true).start()
String commits = git.inputStream.text
assert git.waitFor() == 0 : commits
assert commits.readLines().size() >= 3
return true
