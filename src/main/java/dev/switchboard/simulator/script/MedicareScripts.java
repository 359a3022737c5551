package dev.switchboard.simulator.script;

import java.util.List;
import java.util.Map;

import static dev.switchboard.simulator.script.Dialogue.parse;

/** A Medicare insurance agency's calls (the {@code senior-life} tenant). */
final class MedicareScripts {
    private MedicareScripts() {}

    static Map<Scenario, List<Dialogue>> all() {
        return Map.of(
                Scenario.MEDICARE_QUESTION, List.of(parse("""
                        A: Thank you for calling {business}, my name is {agent}. How can I help you today?
                        U: Hello. I'm turning sixty-five in two months and I'm confused about what I need to sign up for. | Hi, I just got my Medicare card in the mail and I don't understand what I'm supposed to do next.
                        A: You're calling at the right time. Are you still working and covered by an employer health plan?
                        U: No, I retired last year. I've been paying for my own insurance.
                        A: Thank you. In that case you'll want Medicare Part A and Part B during your initial enrollment period, which runs three months before and three months after your birthday month.
                        U: And what about the other parts? My neighbor keeps talking about Medicare Advantage.
                        A: Medicare Advantage, or Part C, is another way to get your Part A and B benefits through a private plan, often with drug coverage and extras like dental and vision. Some plans in your area have a zero dollar monthly premium.
                        U: Zero dollars? That sounds too good to be true.
                        A: It's a fair question. You still pay your Part B premium, and the plans have copays and a network of doctors. A licensed agent can compare the plans that include your doctors. Would you like me to schedule a call with one?
                        U: Yes, that would be helpful. Can they call me in the morning?
                        A: Of course. I've scheduled a licensed agent to call you on {day}, {date} at {time}. Could I confirm your name and zip code?
                        U: It's {fullname}, and my zip code is {zip}.
                        A: Thank you, {name}. You'll get a call on {day} at {time}. Is there anything else I can help with?
                        U: No, you've been very kind. Thank you.
                        A: It was my pleasure. Have a lovely day.
                        S: {fullname} is new to Medicare and asked what to enroll in. Explained the initial enrollment period and Medicare Advantage basics. Scheduled a licensed agent callback for {day}, {date} at {time}. Zip {zip}.
                        F: qualified=true, plan_interest=Medicare Advantage, callback_scheduled=true, callback_date={iso_date}, zip={zip}
                        """), parse("""
                        A: Thank you for calling {business}, this is {agent}. How may I help you?
                        U: Hi. My pharmacy told me my insulin is going to cost more next year and I want to know if I should change my drug plan.
                        A: I can help you look at that. Are you on a standalone Part D plan, or a Medicare Advantage plan with drug coverage?
                        U: I think it's a standalone plan. I have Original Medicare and a supplement.
                        A: Thank you. Under current rules, insulin covered by a Part D plan is capped at thirty-five dollars a month, and your total out-of-pocket drug costs are capped each year as well.
                        U: Oh, I didn't know that. So why did the pharmacy say it would go up?
                        A: Sometimes it's a different medication, or a change in the plan's pharmacy network. During open enrollment, from October fifteenth to December seventh, you can switch plans. A licensed agent can run your exact prescriptions through the plan finder.
                        U: Yes, I'd like that.
                        A: I have an appointment with a licensed agent on {day}, {date} at {time}. Would that work for you?
                        U: That's fine.
                        A: Wonderful. Please have your medication list and your red, white, and blue Medicare card handy. Can I confirm your full name?
                        U: {fullname}.
                        A: Thank you, {name}. You're all set for {day} at {time}. Take care now.
                        S: {fullname} (Original Medicare with a supplement and a standalone Part D plan) was worried about insulin costs. Explained the $35 a month insulin cap and the October 15 to December 7 open enrollment window. Booked a plan review with a licensed agent for {day}, {date} at {time}.
                        F: qualified=true, plan_interest=Part D, callback_scheduled=true, callback_date={iso_date}
                        """), parse("""
                        A: Thank you for calling {business}, this is {agent}. How can I help?
                        U: Hi, I saw your ad on TV about extra benefits and a grocery allowance. How do I get that?
                        A: I'd be happy to check what you might qualify for. May I ask your age, and whether you have Medicare today?
                        U: I'm fifty-eight. I don't have Medicare yet.
                        A: Thank you for sharing that. Those benefits come with certain Medicare Advantage plans, so they're generally available once you're enrolled in Medicare, usually at sixty-five, or earlier if you've received disability benefits for two years.
                        U: Oh. So I can't get it now?
                        A: Not yet, I'm afraid. I can mail you a free guide about preparing for Medicare, and we can reach out a few months before you become eligible. Would you like that?
                        U: Sure, send me the guide.
                        A: Great. What's your full name and your zip code?
                        U: {fullname}, zip code {zip}.
                        A: Thank you, {name}. The guide will arrive within a week or two. Is there anything else?
                        U: No, that's all. Thanks.
                        A: You're welcome. Have a good day.
                        S: {fullname}, age 58 and not yet on Medicare, asked about advertised grocery allowance benefits. Not eligible yet; a Medicare preparation guide will be mailed (zip {zip}).
                        F: qualified=false, age=58, plan_interest=none, guide_requested=true
                        """)),
                Scenario.APPOINTMENT_BOOKING, List.of(parse("""
                        A: Thank you for calling {business}, this is {agent}. How can I help you today?
                        U: Hello, I got a letter saying I should review my coverage before the end of the year. Can I make an appointment with someone?
                        A: Absolutely. Our licensed agents do free plan reviews by phone or in person. Which would you prefer?
                        U: In person, if possible. I'm not good on the phone with all these numbers.
                        A: Of course. Our office on Main Street has an opening on {day}, {date} at {time}. Would that work?
                        U: Yes, that's fine. Can my daughter come with me?
                        A: Certainly, family members are always welcome. Please bring your Medicare card, any current plan cards, and a list of your medications and doctors.
                        U: All right. I'll write that down.
                        A: May I have your full name for the appointment?
                        U: It's {fullname}.
                        A: Thank you, {name}. You're booked for {day}, {date} at {time}. We'll call the day before to remind you.
                        U: Thank you, dear.
                        A: My pleasure. Have a wonderful day.
                        S: {fullname} booked an in-person plan review with a licensed agent for {day}, {date} at {time}; a family member may attend. Asked to bring the Medicare card, plan cards and a medication list.
                        F: booked=true, appointment_date={iso_date}, appointment_time={time}, appointment_type=in-person plan review
                        """)),
                Scenario.SUPPORT_QUESTION, List.of(parse("""
                        A: Thank you for calling {business}, this is {agent}. How can I help?
                        U: I lost my plan card and I have a doctor's appointment on {day}. What do I do?
                        A: I'm sorry to hear that. You can still go to your appointment. The office can verify your coverage with your name and date of birth. I can also request a replacement card for you.
                        U: Yes, please send a new one.
                        A: Of course. Can I confirm your full name and date of birth?
                        U: {fullname}, born {dob}.
                        A: Thank you. I've requested a new card, and it should arrive in seven to ten days. I can also text you a digital copy. Would that help?
                        U: I don't really do texting. Can the doctor call you?
                        A: Yes, they can call the member services number on the back of any letter from us, and we'll confirm your coverage. Anything else I can help with?
                        U: No, thank you. That's a relief.
                        A: You're welcome, {name}. Good luck at your appointment.
                        S: {fullname} lost their plan ID card before an appointment on {day}. Replacement card ordered (7 to 10 days); the doctor's office can verify coverage by phone.
                        F: case_type=replacement card, resolved=true
                        """)),
                Scenario.BILLING_QUESTION, List.of(parse("""
                        A: Thank you for calling {business}, this is {agent}. How can I help?
                        U: Hi, I got a letter saying my premium payment was late, but I pay it automatically from my bank.
                        A: I'm sorry for the worry, let me look into that. Could you confirm your full name and date of birth?
                        U: {fullname}, {dob}.
                        A: Thank you. I see your automatic payment of {amount} was returned by the bank on the first of the month. It looks like the account on file may have changed.
                        U: Oh, my bank did switch my account after they merged with another bank.
                        A: That explains it. I'll mail you a form to update your bank details, and you won't lose your coverage, because there's a grace period. You can also pay this month's premium by phone any time.
                        U: All right, I'll watch for the form. Thank you, dear.
                        A: You're welcome, {name}. Have a nice day.
                        S: {fullname}'s automatic premium payment ({amount}) was returned after a bank merger changed their account. Update form mailed; member reassured about the grace period.
                        F: case_type=billing, resolved=true
                        """)),
                Scenario.ANGRY_TRANSFER, List.of(parse("""
                        A: Thank you for calling {business}, this is {agent}. How can I help you?
                        U: I've been getting calls from you people every day and I want it to stop! | I got signed up for a plan I never asked for, and now my doctor won't see me!
                        A: I'm so sorry for the trouble. I can help you with that right away. Could I have your full name?
                        U: I'm not giving you anything. Is this a computer? I want to speak to a real person.
                        A: I understand. I am a virtual assistant, and I'm happy to connect you with one of our licensed agents.
                        U: Yes. Do that. Right now. | Then connect me. I'm not talking to a machine.
                        A: Of course. I'm transferring you to {human} now. Thank you for your patience.
                        S: An upset caller refused to talk to the virtual assistant and demanded a real person. Transferred to {human}.
                        F: escalated=true, sentiment=angry
                        """)),
                Scenario.APPOINTMENT_REMINDER, List.of(parse("""
                        U: Hello?
                        A: Hello, this is {agent}, a virtual assistant with {business}. May I speak with {name}?
                        U: Speaking. | Yes, that's me.
                        A: Thank you. You asked for information about Medicare plans in your area, and I'm calling to see if you'd like a free review with a licensed agent.
                        U: Oh yes, I did fill out that card. Sure, when?
                        A: I have {day}, {date} at {time}, or {time2} the same day. Which is better?
                        U: {time2}, please.
                        A: You're all set for {day}, {date} at {time2}. A licensed agent will call you at this number. Anything else?
                        U: No, that's fine. Thank you.
                        A: Thank you, {name}. Have a wonderful day.
                        S: Outbound follow-up: {fullname} asked for Medicare plan information and booked a licensed agent review for {day}, {date} at {time2}.
                        F: qualified=true, callback_scheduled=true, callback_date={iso_date}
                        """)),
                Scenario.VOICEMAIL, List.of(parse("""
                        U: Hello, you've reached the {lastname} residence. Please leave a message. | Please leave your message for {fullname} after the tone.
                        A: Hello {name}, this is {agent} from {business}, returning your request for Medicare plan information. Please call us back at {ournumber}, Monday through Friday, eight to eight. Thank you!
                        S: Reached voicemail and left a callback message about the Medicare plan information request.
                        F: voicemail=true, message_left=true
                        """)));
    }
}
