package ma.salonsess.notifications;

import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.PrimingCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SnapStart priming of the email functions sends nothing and writes nothing. */
@ExtendWith(LocalAwsExtension.class)
class NotificationsPrimingTest {
    @Test
    void primingBeforeTheSnapshotSendsAndWritesNothing(LocalAws aws) throws Exception {
        new NotificationHandler(aws.functionEnv("NotificationsFunction"));
        new EmailFeedbackHandler(aws.functionEnv("EmailFeedbackFunction"));

        PrimingCheck.primesWritingNothing(aws, "NotificationsFunction", "EmailFeedbackFunction");
    }
}
