package dev.kiln.console.web;

import dev.kiln.console.session.Visitor;

/** What every page's frame shows: its title, the active tab, who is signed in, and the CSRF token of its forms. */
public record PageContext(String title, String nav, boolean signedIn, String name, String csrf) {

    static PageContext of(Visitor visitor, String title, String nav) {
        return new PageContext(title, nav, visitor.signedIn(), visitor.name(), visitor.csrfToken());
    }
}
