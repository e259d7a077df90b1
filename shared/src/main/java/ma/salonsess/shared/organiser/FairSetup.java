package ma.salonsess.shared.organiser;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.salonsess.shared.auth.OrganiserAccess;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairForm;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.signup.Signup;
import ma.salonsess.shared.signup.SignupRepository;
import ma.salonsess.shared.signup.WorkshopSignups;
import ma.salonsess.shared.survey.SurveyStart;
import ma.salonsess.shared.validation.FieldError;
import ma.salonsess.shared.workshop.ScheduledWorkshop;
import ma.salonsess.shared.workshop.Workshop;
import ma.salonsess.shared.workshop.WorkshopForm;
import ma.salonsess.shared.workshop.WorkshopRepository;

/** What organisers do: set up fairs and their workshops, and see who signed up. */
public final class FairSetup {
    private final SurveyStart surveys;
    private final FairRepository fairs;
    private final WorkshopRepository workshops;
    private final SignupRepository signups;
    private final RegistrationRepository registrations;
    private final WorkshopSignups workshopSignups;
    private final Clock clock;

    /** What saving a fair answers. */
    public sealed interface FairSaving {
    }

    /** What saving a workshop answers. */
    public sealed interface WorkshopSaving {
    }

    /** What listing a workshop's signups answers. */
    public sealed interface SignupListing {
    }

    public record FairSaved(Fair fair, boolean created) implements FairSaving {
    }

    public record WorkshopSaved(ScheduledWorkshop workshop, boolean created) implements WorkshopSaving {
    }

    public record Invalid(List<FieldError> errors) implements FairSaving, WorkshopSaving {
    }

    public record FairNotFound() implements WorkshopSaving, SignupListing {
    }

    public record WorkshopNotFound() implements SignupListing {
    }

    /** The new capacity is below the seats already taken: nobody is unseated. */
    public record CapacityBelowSeatsTaken(int seatsTaken) implements WorkshopSaving {
    }

    public record Listed(SignupList list) implements SignupListing {
    }

    /** The caller may not do this to this fair; nothing was written. */
    public record Forbidden(OrganiserAccess.Verdict why) implements FairSaving {
    }

    public FairSetup(FairRepository fairs, WorkshopRepository workshops, SignupRepository signups,
                     RegistrationRepository registrations, WorkshopSignups workshopSignups, SurveyStart surveys,
                     Clock clock) {
        this.fairs = fairs;
        this.surveys = surveys;
        this.workshops = workshops;
        this.signups = signups;
        this.registrations = registrations;
        this.workshopSignups = workshopSignups;
        this.clock = clock;
    }

    /**
     * Creates (admins) or updates (admins, and the fair's own organisers) a fair. Who may is
     * decided before the body is read, so a stranger learns nothing from validation answers.
     */
    public FairSaving saveFair(String fairId, JsonNode body, OrganiserAccess.Caller caller) {
        Optional<Fair> stored = fairs.find(fairId);
        OrganiserAccess.Verdict may = OrganiserAccess.mayChange(caller, stored);
        if (!may.allowed()) {
            return new Forbidden(may);
        }
        var read = FairForm.read(fairId, body, LocalDate.now(clock));
        Fair fair;
        switch (read) {
            case FairForm.Invalid invalid -> {
                return new Invalid(invalid.errors());
            }
            case FairForm.Valid valid -> fair = valid.fair();
        }
        if (caller.admin()) {
            fairs.save(fair);
        } else {
            Fair current = stored.orElseThrow();
            OrganiserAccess.Verdict naming = OrganiserAccess.mayName(caller, current, fair.organiserEmails());
            if (!naming.allowed()) {
                return new Forbidden(naming);
            }
            // The organisers stay as stored, written by admins only.
            fair = new Fair(fair.fairId(), fair.name(), fair.city(), fair.venue(), fair.startDate(), fair.endDate(),
                    fair.timeZone(), current.organiserEmails(), fair.defaultLanguage(), fair.stewardEmails(),
                    fair.supervisorEmails(), fair.hallCapacity(), fair.surveyAdmittedOnly());
            if (!fairs.updateAsOrganiser(fair, OrganiserAccess.organiserEntry(caller, current).orElseThrow())) {
                return new Forbidden(OrganiserAccess.Verdict.NOT_THIS_FAIRS_ORGANISER);
            }
        }
        surveys.fairSaved(fair);
        return new FairSaved(fair, stored.isEmpty());
    }

    public WorkshopSaving saveWorkshop(String fairId, String workshopId, JsonNode body) {
        Optional<Fair> fair = fairs.find(fairId);
        if (fair.isEmpty()) {
            return new FairNotFound();
        }
        var read = WorkshopForm.read(fair.get(), workshopId, body);
        Workshop workshop;
        switch (read) {
            case WorkshopForm.Invalid invalid -> {
                return new Invalid(invalid.errors());
            }
            case WorkshopForm.Valid valid -> workshop = valid.workshop();
        }
        try {
            boolean created = workshops.save(workshop);
            // More seats than before: the people waiting get them now.
            workshopSignups.fillFreeSeats(fairId, workshopId);
            ScheduledWorkshop saved = workshops.find(fairId, workshopId).orElseThrow();
            return new WorkshopSaved(saved, created);
        } catch (WorkshopRepository.CapacityBelowSeatsTaken e) {
            return new CapacityBelowSeatsTaken(e.seatsTaken());
        }
    }

    public SignupListing signups(String fairId, String workshopId) {
        var workshop = workshops.find(fairId, workshopId);
        if (workshop.isEmpty()) {
            return fairs.find(fairId).isEmpty() ? new FairNotFound() : new WorkshopNotFound();
        }
        List<Signup> all = signups.signups(fairId, workshopId);
        var waiting = signups.waitlist(fairId, workshopId);
        List<String> ids = new ArrayList<>(all.stream().filter(Signup::active).map(Signup::registrationId).toList());
        waiting.forEach(w -> ids.add(w.registrationId()));
        Map<String, Registration> people = registrations.findAll(fairId, ids);
        Map<String, Signup> byRegistration = new HashMap<>();
        all.forEach(s -> byRegistration.put(s.registrationId(), s));
        List<SignupList.Attendee> confirmed = new ArrayList<>();
        for (Signup s : all) {
            if (s.status() == Signup.Status.CONFIRMED) {
                confirmed.add(new SignupList.Attendee(s.registrationId(), people.get(s.registrationId()), s.updatedAt(), 0));
            }
        }
        confirmed.sort(Comparator.comparing(SignupList.Attendee::since));
        List<SignupList.Attendee> waitlist = new ArrayList<>();
        for (int i = 0; i < waiting.size(); i++) {
            String id = waiting.get(i).registrationId();
            Signup record = byRegistration.get(id);
            waitlist.add(new SignupList.Attendee(id, people.get(id), record == null ? null : record.createdAt(), i + 1));
        }
        return new Listed(new SignupList(confirmed, waitlist));
    }
}
