package ma.salonsess.shared.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import ma.salonsess.shared.text.Language;

/**
 * What a registrant agreed to, as law 09-08 asks us to be able to show: which purposes, under
 * which version of the privacy notice, read in which language, and when.
 */
public record Consent(boolean photos, boolean shareWithExhibitors, boolean surveys, String noticeVersion,
                      Language language, Instant givenAt) {

    /** Without the survey purpose, which registrants opt into on its own. */
    public Consent(boolean photos, boolean shareWithExhibitors, String noticeVersion, Language language, Instant givenAt) {
        this(photos, shareWithExhibitors, false, noticeVersion, language, givenAt);
    }

    /** Processing the registration itself: badge, access control, the emails about the fair. */
    public static final String PURPOSE_REGISTRATION = "REGISTRATION";
    public static final String PURPOSE_PHOTOS = "PHOTOS";
    public static final String PURPOSE_SHARE_WITH_EXHIBITORS = "SHARE_WITH_EXHIBITORS";
    /** Being asked, after the fair, what one made of it (one invitation, one reminder). */
    public static final String PURPOSE_SURVEYS = "SURVEYS";

    public List<String> purposes() {
        List<String> purposes = new ArrayList<>();
        purposes.add(PURPOSE_REGISTRATION);
        if (photos) {
            purposes.add(PURPOSE_PHOTOS);
        }
        if (shareWithExhibitors) {
            purposes.add(PURPOSE_SHARE_WITH_EXHIBITORS);
        }
        if (surveys) {
            purposes.add(PURPOSE_SURVEYS);
        }
        return purposes;
    }
}
