// The one message for every failed sign-in, whatever the reason (unknown email, wrong password, paused
// account): telling them apart would tell an attacker which emails have accounts. Its own module without
// imports, so the client-side sign-in form can show it.
export const SIGN_IN_FAILED_MESSAGE =
  'Email or password is incorrect, or sign-in is paused after repeated failures. Try again in a few minutes or reset your password.';
