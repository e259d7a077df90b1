package ma.salonsess.digest;

import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.PrimingCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SnapStart priming of the digest functions sends no digest and claims no evening. */
@ExtendWith(LocalAwsExtension.class)
class DigestPrimingTest {
    @Test
    void primingBeforeTheSnapshotSendsAndWritesNothing(LocalAws aws) throws Exception {
        new DigestHandler(aws.functionEnv("DigestFunction"));
        new DigestApiHandler(aws.functionEnv("DigestApiFunction"));

        PrimingCheck.primesWritingNothing(aws, "DigestFunction", "DigestApiFunction");
    }
}
