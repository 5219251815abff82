/** Sign-in sessions held server-side: the caller's Kiln token, its CSRF token, and the cookie that names them. */
package dev.kiln.console.session;
