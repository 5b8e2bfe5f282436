//! English strings, for bulletins whose `lang` is English (or `data-lang="en"`).

use super::Strings;

/// The English strings table.
pub const STRINGS: Strings = Strings {
    months: [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ],
    weekdays: ["Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    read_more: "Read more",
    read_less: "Show less",
    full_story: "Full story",
    source: "Source",
    published: "Published",
    loading: "Loading the news…",
    empty: "No news to show yet.",
    retry: "Try again",
    news_region: "Election news",
    election_region: "Call to vote",
    election_day: "Election day",
    hours: "Voting hours",
    hours_range: "{from} to {to}",
    starts_in: "Voting starts in",
    countdown_days: "{d} days {h} hours",
    countdown_hours: "{h} hours {m} minutes",
    open_until: "Polling stations are open until {time}.",
    open_now: "Voting is under way",
    closed: "Voting has closed. Thank you for taking part.",
    bad_election: "This election's schedule is invalid; please check the official announcement.",
    previous_turnout: "Previous turnout",
    percent: "{n}%",
    err_config: "No valid news address is set for this widget.",
    err_network: "Could not reach the news server. Check your connection.",
    err_timeout: "The news server took too long to answer.",
    err_not_found: "The bulletin was not found at the given address.",
    err_server: "The news server is not answering right now.",
    err_http: "The news server refused the request.",
    err_too_large: "The bulletin file is too large.",
    err_bad_data: "The bulletin file is not in the right format.",
    err_host: "The widget cannot be shown on this page element.",
    err_title: "The news could not be shown",
};
