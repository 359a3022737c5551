package dev.switchboard.simulator.script;

import java.util.List;
import java.util.Map;

import static dev.switchboard.simulator.script.Dialogue.parse;

/** A dental practice's calls (the {@code demo-client} tenant). */
final class DentalScripts {
    private DentalScripts() {}

    static Map<Scenario, List<Dialogue>> all() {
        return Map.of(
                Scenario.APPOINTMENT_BOOKING, List.of(parse("""
                        A: Thank you for calling {business}, this is {agent}. How can I help you today? | Hi, you've reached {business}, my name is {agent}. What can I do for you?
                        U: Hi, I'd like to book a cleaning. It's been about a year since my last one. | Hey, yeah, I need to schedule a checkup and a cleaning.
                        A: Of course, I can help with that. Could I get your first and last name, please?
                        U: Sure, it's {fullname}.
                        A: Thanks, {name}. And what's your date of birth, just so I can pull up your file?
                        U: It's {dob}.
                        A: Got it, I found you. I have an opening on {day}, {date} at {time} with Dr. Patel. Would that work for you? | The earliest I have is {day}, {date} at {time} with Dr. Patel. Does that suit you?
                        U: {day} at {time}... yes, that works. | Hmm, yeah, I can make {time} on {day}.
                        A: Perfect. You're booked for a cleaning and exam on {day}, {date} at {time}. We'll text you a reminder the day before. Is there anything else I can help with?
                        U: No, that's everything. Thank you! | Nope, that's it. Thanks so much.
                        A: You're very welcome, {name}. Have a wonderful day!
                        S: {fullname} booked a cleaning and exam with Dr. Patel for {day}, {date} at {time}. Existing patient; a reminder text will be sent.
                        F: booked=true, appointment_date={iso_date}, appointment_time={time}, service=cleaning and exam, new_patient=false
                        """), parse("""
                        A: Thanks for calling {business}, this is {agent} speaking. How can I help?
                        U: Hi, I've got a tooth that hurts whenever I drink something cold, and I was hoping to get in soon.
                        A: I'm sorry to hear that. Are you a current patient with us, or would this be your first visit?
                        U: First visit. A friend of mine recommended you. | It'd be my first time, I just moved to the area.
                        A: Welcome! I can get you in for a new patient exam. Do you have dental insurance you'd like us to check?
                        U: Yes, I have Delta Dental through work.
                        A: Great, we're in network with Delta Dental. I have {day}, {date} at {time}. Would that work?
                        U: That's perfect.
                        A: Wonderful. Can I get your full name and the best number to reach you?
                        U: It's {fullname}, and this number is fine.
                        A: You're all set, {name}. New patient exam on {day}, {date} at {time}. Please arrive ten minutes early to fill out a few forms. Anything else?
                        U: No, thank you so much.
                        A: Take care, and I hope that tooth feels better soon!
                        S: New patient {fullname} reported sensitivity to cold and booked a new patient exam for {day}, {date} at {time}. Insurance: Delta Dental (in network).
                        F: booked=true, appointment_date={iso_date}, appointment_time={time}, service=new patient exam, new_patient=true
                        """)),
                Scenario.SUPPORT_QUESTION, List.of(parse("""
                        A: Thank you for calling {business}, this is {agent}. How can I help you today?
                        U: Hi, I had a filling done yesterday and my bite feels a little off. Is that normal?
                        A: That can happen after a filling, especially while the area is still numb or sensitive. Does it feel like that tooth touches first when you bite down?
                        U: Yeah, exactly, it kind of hits before the others.
                        A: Thanks for explaining. That usually means the filling needs a quick adjustment. It only takes a few minutes and there's no charge. Would you like me to set that up?
                        U: Yes, please. The sooner the better.
                        A: I can fit you in on {day}, {date} at {time} for a bite adjustment. Does that work?
                        U: That works, thank you.
                        A: You're all set. Can I confirm your name for the appointment?
                        U: {fullname}.
                        A: Thanks, {name}. In the meantime, try to chew on the other side. Anything else I can help with?
                        U: No, that's it. Thanks!
                        S: {fullname} reported an uneven bite after yesterday's filling. Scheduled a no-charge bite adjustment for {day}, {date} at {time}.
                        F: case_type=after-care, resolved=true, booked=true, appointment_date={iso_date}
                        """), parse("""
                        A: Hi, you've reached {business}, this is {agent}. What can I do for you?
                        U: Hi, quick question. Are you open on Saturdays? | Hey there, do you guys have Saturday hours?
                        A: We are. On Saturdays we're open from eight to one, and Monday through Friday from eight to six.
                        U: Okay, and is there parking near the office?
                        A: Yes, there's free parking behind the building. The entrance is off Maple Street, and we also validate for the garage next door.
                        U: Great, that's all I needed to know.
                        A: Happy to help. Is there anything else today?
                        U: No, thanks. Bye.
                        S: Caller asked about Saturday hours and parking. Answered: Saturdays 8 AM to 1 PM, free parking behind the building.
                        F: case_type=office info, resolved=true
                        """)),
                Scenario.BILLING_QUESTION, List.of(parse("""
                        A: Thank you for calling {business}, this is {agent}. How can I help?
                        U: Hi, I got a bill for {amount} and I thought my insurance was supposed to cover my cleaning.
                        A: I'm sorry for the confusion, let me look into that. Could I have your full name and date of birth?
                        U: {fullname}, {dob}.
                        A: Thank you. I see the statement. Your cleaning was covered, but the X-rays were billed separately because your plan covers them once every twelve months, and your last set was eleven months ago.
                        U: Oh, I didn't know that. So I have to pay it?
                        A: I can resubmit the claim and ask for an exception, which sometimes works. If it's denied, we can set up a payment plan. Would you like me to do that?
                        U: Yes, please resubmit it.
                        A: Done. I've resubmitted the claim and put a thirty day hold on your balance. You'll get an email as soon as we hear back.
                        U: Okay, thank you for your help.
                        A: You're welcome, {name}. Have a good day.
                        S: {fullname} disputed a {amount} bill for X-rays not covered by insurance (frequency limit). Claim resubmitted with an exception request; balance on hold for 30 days.
                        F: case_type=billing, resolved=false, claim_resubmitted=true
                        """)),
                Scenario.ANGRY_TRANSFER, List.of(parse("""
                        A: Thank you for calling {business}, this is {agent}. How can I help you today?
                        U: Yeah, I've been charged twice for the same crown and nobody has called me back. This is the third time I'm calling!
                        A: I'm really sorry about that. I can look at the charges for you right now. Could I get your name and date of birth?
                        U: No, I'm done with the robot. I want to talk to a real person. Now.
                        A: I understand, and I'm sorry this has been so frustrating. If you'd like, I can check the charges first, it should only take a minute.
                        U: I don't want you to check anything. Get me a human, please. | Stop. I asked for a person. Transfer me.
                        A: Absolutely. I'm transferring you to {human} now. Please hold for just a moment.
                        S: Caller was upset about being charged twice for a crown and about unanswered callbacks, and demanded a human. Transferred to {human}.
                        F: case_type=double charge, escalated=true, sentiment=angry
                        """)),
                Scenario.APPOINTMENT_REMINDER, List.of(parse("""
                        U: Hello? | Hello, this is {name}.
                        A: Hi, this is {agent}, the virtual assistant from {business}. Am I speaking with {name}?
                        U: Yes, that's me. | Speaking.
                        A: Great. I'm calling to confirm your appointment on {day}, {date} at {time}. Will you still be able to make it?
                        U: Yes, I'll be there.
                        A: Wonderful. Please remember to bring your insurance card. Do you have any questions before your visit?
                        U: No, I think I'm all set.
                        A: Perfect. We'll see you on {day}. Have a great rest of your day!
                        S: Outbound reminder: {fullname} confirmed the appointment on {day}, {date} at {time}.
                        F: confirmed=true, rescheduled=false, appointment_date={iso_date}, appointment_time={time}
                        """), parse("""
                        U: Hello, who's this?
                        A: Hi, this is {agent}, the virtual assistant from {business}. Am I speaking with {name}?
                        U: Yes.
                        A: I'm calling to confirm your appointment on {day}, {date} at {time}. Does that still work for you?
                        U: Oh, actually, something came up at work. Is there anything later that day?
                        A: Let me check. I can move you to {time2} on the same day. Would that be better?
                        U: Yes, {time2} is much better.
                        A: Done. You're now booked for {day}, {date} at {time2}. You'll get a text confirmation shortly.
                        U: Thanks a lot.
                        A: You're welcome. See you then!
                        S: Outbound reminder: {fullname} rescheduled from {time} to {time2} on {day}, {date}.
                        F: confirmed=true, rescheduled=true, appointment_date={iso_date}, appointment_time={time2}
                        """)),
                Scenario.VOICEMAIL, List.of(parse("""
                        U: Hi, you've reached {name}. I can't take your call right now, please leave a message after the tone. | You have reached the voicemail of {fullname}. Please leave a message.
                        A: Hi {name}, this is {agent} from {business}, calling to remind you about your appointment on {day}, {date} at {time}. If you need to reschedule, please call us back at {ournumber}. Thank you!
                        S: Reached {name}'s voicemail and left a reminder for the appointment on {day}, {date} at {time}.
                        F: voicemail=true, message_left=true, appointment_date={iso_date}
                        """)));
    }
}
