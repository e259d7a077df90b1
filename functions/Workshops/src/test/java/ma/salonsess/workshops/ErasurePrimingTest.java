package ma.salonsess.workshops;

import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.PrimingCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SnapStart priming of the erasure functions erases nothing and parks nothing. */
@ExtendWith(LocalAwsExtension.class)
class ErasurePrimingTest {
    @Test
    void primingBeforeTheSnapshotWritesNothing(LocalAws aws) throws Exception {
        new ErasureHandler(aws.functionEnv("SignupErasureFunction"));
        new ErasureReplayHandler(aws.functionEnv("ErasureReplayFunction"));

        PrimingCheck.primesWritingNothing(aws, "SignupErasureFunction", "ErasureReplayFunction");
    }
}
