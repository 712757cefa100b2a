// Registers the cluster matchers (toInstallBefore, toHaveLayer, ...) for every test file.
import 'cdktf-cluster-profiles/testing/jest-setup';
