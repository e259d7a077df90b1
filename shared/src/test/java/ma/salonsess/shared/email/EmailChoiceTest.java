package ma.salonsess.shared.email;

import static ma.salonsess.shared.signup.Signup.Status.CANCELLED;
import static ma.salonsess.shared.signup.Signup.Status.CONFIRMED;
import static ma.salonsess.shared.signup.Signup.Status.WAITLISTED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import ma.salonsess.shared.email.EmailChoice.Calendar;
import ma.salonsess.shared.email.EmailChoice.Email;
import ma.salonsess.shared.registration.BadgeState;
import ma.salonsess.shared.signup.Signup;
import org.junit.jupiter.api.Test;

class EmailChoiceTest {

    private static Optional<EmailChoice> send(Email email, Calendar calendar) {
        return Optional.of(new EmailChoice(email, calendar));
    }

    private static Optional<EmailChoice> signup(Signup.Status before, Signup.Status after) {
        return EmailChoice.forSignupChange(before, after);
    }

    @Test
    void theConfirmationGoesWhenTheBadgeIsFirstReady() {
        var confirmed = send(Email.REGISTRATION_CONFIRMED, Calendar.NONE);
        assertEquals(confirmed, EmailChoice.forRegistrationChange(null, BadgeState.Status.READY));
        assertEquals(confirmed, EmailChoice.forRegistrationChange(BadgeState.Status.PENDING, BadgeState.Status.READY));
        assertEquals(Optional.empty(), EmailChoice.forRegistrationChange(BadgeState.Status.READY,
                BadgeState.Status.READY),
                "a badge rendered again (a change of name) sends nothing more");
        assertEquals(Optional.empty(), EmailChoice.forRegistrationChange(null, BadgeState.Status.PENDING));
        assertEquals(Optional.empty(), EmailChoice.forRegistrationChange(BadgeState.Status.READY, null));
    }

    @Test
    void aSeatTakenDirectlyOrAgainAfterCancelling() {
        assertEquals(send(Email.SEAT_CONFIRMED, Calendar.INVITATION), signup(null, CONFIRMED));
        assertEquals(send(Email.SEAT_CONFIRMED, Calendar.INVITATION), signup(CANCELLED, CONFIRMED));
        assertEquals(Optional.empty(), signup(CONFIRMED, CONFIRMED));
    }

    @Test
    void aSeatWonFromTheWaitingList() {
        assertEquals(send(Email.PROMOTED, Calendar.INVITATION), signup(WAITLISTED, CONFIRMED));
    }

    @Test
    void aPlaceInLine() {
        assertEquals(send(Email.WAITLISTED, Calendar.NONE), signup(null, WAITLISTED));
        assertEquals(send(Email.WAITLISTED, Calendar.NONE), signup(CANCELLED, WAITLISTED));
        assertEquals(Optional.empty(), signup(WAITLISTED, WAITLISTED));
        assertEquals(Optional.empty(), signup(CONFIRMED, WAITLISTED));
    }

    @Test
    void aCancellationWithdrawsTheInvitationOnlyForAHeldSeat() {
        assertEquals(send(Email.SIGNUP_CANCELLED, Calendar.CANCELLATION), signup(CONFIRMED, CANCELLED));
        assertEquals(send(Email.SIGNUP_CANCELLED, Calendar.NONE), signup(WAITLISTED, CANCELLED));
        assertEquals(Optional.empty(), signup(CANCELLED, CANCELLED));
        assertEquals(Optional.empty(), signup(null, CANCELLED));
    }

    @Test
    void fromWhatIsStored() {
        assertEquals(send(Email.REGISTRATION_CONFIRMED, Calendar.NONE), EmailChoice.forStoredBadgeChange(null,
                "READY"));
        assertEquals(send(Email.REGISTRATION_CONFIRMED, Calendar.NONE), EmailChoice.forStoredBadgeChange("PENDING",
                "READY"));
        assertEquals(Optional.empty(), EmailChoice.forStoredBadgeChange("READY", "READY"));
        assertEquals(send(Email.PROMOTED, Calendar.INVITATION), EmailChoice.forStoredSignupChange("WAITLISTED",
                "CONFIRMED"));
        assertEquals(send(Email.SEAT_CONFIRMED, Calendar.INVITATION), EmailChoice.forStoredSignupChange(null,
                "CONFIRMED"));
    }

    @Test
    void aStatusThisCodeDoesNotKnowSendsNothing() {
        assertEquals(Optional.empty(), EmailChoice.forStoredSignupChange(null, "PAUSED"));
        assertEquals(Optional.empty(), EmailChoice.forStoredSignupChange("PAUSED", "CANCELLED"));
        assertEquals(Optional.empty(), EmailChoice.forStoredSignupChange(null, null));
    }
}
