package dev.switchboard.simulator.script;

import java.util.List;
import java.util.Map;

import static dev.switchboard.simulator.script.Dialogue.parse;

/** A heating and air-conditioning company's calls (the {@code acme-agency} tenant). */
final class HomeServiceScripts {
    private HomeServiceScripts() {}

    static Map<Scenario, List<Dialogue>> all() {
        return Map.of(
                Scenario.APPOINTMENT_BOOKING, List.of(parse("""
                        A: Thanks for calling {business}, this is {agent}. What's going on today? | {business}, this is {agent}. How can I help?
                        U: Hi, my air conditioner is blowing warm air and it's getting pretty hot in here. | Hey, our AC stopped cooling last night. Can someone come out?
                        A: Sorry to hear that, let's get a technician out to you. What's the service address?
                        U: It's {street}, zip code {zip}.
                        A: Thanks. Is the outdoor unit running at all? Is the fan spinning?
                        U: The fan is spinning, but the air inside just isn't cold.
                        A: Got it, that's often a capacitor or a refrigerant issue. I have a technician available on {day}, {date} between {time} and {time2}. Would that work?
                        U: Yes, that works. How much is the visit?
                        A: The diagnostic visit is eighty-nine dollars, and it's waived if you go ahead with the repair. Can I get your name and the best callback number?
                        U: {fullname}, and you can use this number.
                        A: You're all set, {name}. The technician will call about thirty minutes before arriving. Anything else?
                        U: No, that's great. Thank you.
                        A: Stay cool, and thanks for choosing {business}!
                        S: {fullname} reported an AC blowing warm air (outdoor fan running). Booked a diagnostic visit for {day}, {date}, {time} to {time2} at {street}. $89 diagnostic fee, waived with the repair.
                        F: booked=true, appointment_date={iso_date}, appointment_window={time} - {time2}, service=AC repair, urgency=high
                        """), parse("""
                        A: Thanks for calling {business}, this is {agent}. How can I help?
                        U: Hi, I'd like to schedule a furnace tune-up before it gets cold.
                        A: Good timing. Do you know roughly how old your furnace is, and is it gas or electric?
                        U: It's gas, maybe ten or twelve years old.
                        A: Thanks. Our seasonal tune-up is one hundred twenty-nine dollars and includes a safety check and a new filter. I have {day}, {date} with an arrival window of {time} to {time2}. Does that work?
                        U: Perfect, let's do that.
                        A: Can I have your name and the service address?
                        U: {fullname}, at {street}.
                        A: You're booked, {name}. You'll get a confirmation text with the technician's name and photo. Anything else?
                        U: That's it, thanks.
                        A: Thanks for calling {business}. Have a good one!
                        S: {fullname} booked a gas furnace tune-up ($129) for {day}, {date}, {time} to {time2} at {street}.
                        F: booked=true, appointment_date={iso_date}, appointment_window={time} - {time2}, service=furnace tune-up, quoted_price=129
                        """)),
                Scenario.SUPPORT_QUESTION, List.of(parse("""
                        A: Thanks for calling {business}, this is {agent}. What can I help you with?
                        U: Hi, you installed a new thermostat for us last week and I can't figure out how to set a schedule.
                        A: No problem, I can walk you through it. Is it the model with the round touchscreen?
                        U: Yes, that's the one.
                        A: On the main screen, tap the menu icon in the top left, then Schedule. From there you can pick a day and drag the comfort settings to the times you want.
                        U: Okay, I see it. Menu, schedule... yes, got it.
                        A: Great. You can also copy a day to the rest of the week by tapping the three dots next to the day's name.
                        U: Oh, that's handy. Thanks, that's exactly what I needed.
                        A: Happy to help. Is there anything else?
                        U: Nope, all good.
                        A: Enjoy the new thermostat!
                        S: Customer needed help setting a schedule on the newly installed thermostat. Walked them through Menu, Schedule and copying a day. Resolved.
                        F: case_type=how-to, resolved=true
                        """), parse("""
                        A: {business}, this is {agent}. How can I help you today?
                        U: Hi, my furnace is making a loud banging noise when it starts up. Is that dangerous?
                        A: A bang at start-up is usually delayed ignition, which should be checked soon. Do you smell gas anywhere near the furnace?
                        U: No, no gas smell. Just the noise.
                        A: Okay, good. It's safe to keep using it for now, but I'd recommend a technician look at the burners. I have {day}, {date} between {time} and {time2}. Want me to book that?
                        U: Yes, please. The name is {fullname}.
                        A: You're booked, {name}. If you ever do smell gas, leave the house and call the gas company right away. Anything else?
                        U: No, thank you. That's reassuring.
                        S: {fullname} reported a banging furnace at start-up (likely delayed ignition, no gas smell). Gave safety advice and booked a technician for {day}, {date}, {time} to {time2}.
                        F: case_type=furnace noise, resolved=true, booked=true, appointment_date={iso_date}, urgency=medium
                        """)),
                Scenario.BILLING_QUESTION, List.of(parse("""
                        A: Thanks for calling {business}, this is {agent}. How can I help?
                        U: Hi, I'm calling about my invoice. I was quoted a different price than what I was charged. | Hey, my invoice says {amount}, but the tech told me something lower.
                        A: I'm sorry about that. Let me pull it up. What's the name on the account?
                        U: {fullname}.
                        A: Thank you. I see an invoice for {amount}. It includes the repair plus a refrigerant recharge that was added on site. Did the technician mention the recharge?
                        U: He mentioned it, but he didn't say it would cost that much.
                        A: I understand. I'll flag this for our service manager to review, and if the recharge wasn't approved in writing, we'll adjust the invoice. You'll hear back within one business day.
                        U: Okay, thank you. I appreciate that.
                        A: Of course. Is there anything else I can help with?
                        U: No, that's all.
                        A: Thanks for your patience, {name}. Have a good day.
                        S: {fullname} disputed a {amount} invoice that included an on-site refrigerant recharge. Flagged for service manager review; callback within one business day.
                        F: case_type=billing dispute, resolved=false, escalated=true
                        """)),
                Scenario.ANGRY_TRANSFER, List.of(parse("""
                        A: Thanks for calling {business}, this is {agent}. How can I help?
                        U: Your technician was supposed to be here between eight and noon and it's now three o'clock. Nobody called. I took the day off work for this!
                        A: I'm very sorry about that. Let me check on the technician's status for you right away.
                        U: I don't want a status. I want to talk to a manager. A real person.
                        A: I completely understand. I can also offer you a priority slot first thing tomorrow morning, at no charge.
                        U: No. Manager. Now. | Are you even listening? Put me through to a human.
                        A: Of course. I'm transferring you to {human} right now. Please stay on the line.
                        S: Customer was angry that the technician missed the arrival window without calling. Refused a priority reschedule and demanded a manager. Transferred to {human}.
                        F: case_type=missed appointment, escalated=true, sentiment=angry
                        """)),
                Scenario.APPOINTMENT_REMINDER, List.of(parse("""
                        U: Hello?
                        A: Hi, this is {agent} calling from {business}. Is this {name}?
                        U: Yeah, that's me.
                        A: I'm calling to confirm your technician visit on {day}, {date} between {time} and {time2}. Will someone be home?
                        U: Yes, I'll be here.
                        A: Great. Please make sure the technician can get to the indoor unit and the thermostat. Any questions?
                        U: No, I think we're good.
                        A: Perfect. Thanks, {name}. Talk soon!
                        S: Outbound reminder: {fullname} confirmed the technician visit on {day}, {date}, {time} to {time2}.
                        F: confirmed=true, appointment_date={iso_date}
                        """), parse("""
                        U: Hello, this is {name}.
                        A: Hi {name}, this is {agent} from {business}. I'm calling because your Comfort Club maintenance plan expires at the end of the month. Do you have a minute?
                        U: Sure, a quick one.
                        A: Renewing keeps your two seasonal tune-ups and fifteen percent off repairs, and it's still one hundred eighty-nine dollars a year. Would you like to renew?
                        U: Hmm, yeah, let's renew it. Same card on file?
                        A: Yes, the card ending in {last4}. Shall I use that one?
                        U: Yes, go ahead.
                        A: Done. Your plan is renewed for another year, and you'll get a receipt by email. Thanks, {name}!
                        U: Thanks, bye.
                        S: Outbound renewal call: {fullname} renewed the Comfort Club maintenance plan ($189 a year) on the card ending {last4}.
                        F: renewed=true, plan=Comfort Club, amount=189
                        """)),
                Scenario.VOICEMAIL, List.of(parse("""
                        U: Hi, this is {name}, leave a message. | The person you are calling is not available. Please leave a message after the tone.
                        A: Hi {name}, this is {agent} from {business}, calling to confirm your technician visit on {day}, {date} between {time} and {time2}. If that no longer works, call us back at {ournumber}. Thanks!
                        S: Reached voicemail and left a confirmation message for the visit on {day}, {date}.
                        F: voicemail=true, message_left=true, appointment_date={iso_date}
                        """)));
    }
}
