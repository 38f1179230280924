// What survives a reload of the page, per widget (and per web link), in sessionStorage: the conversation
// (visitor token and the last seq shown), whether the window is open, and the half-typed message.
//
// sessionStorage, not localStorage: the visitor token is a bearer credential, so it lives no longer than the
// browser tab. A reload or a walk through the shop's pages keeps the chat; closing the tab on a shared
// computer does not hand the conversation to the next person, and two tabs do not fight over one chat.

export class Store {
  constructor(key) {
    this.key = key;
  }

  read() {
    try {
      return JSON.parse(sessionStorage.getItem(this.key) || "{}") || {};
    } catch {
      return {};
    }
  }

  update(changes) {
    const state = { ...this.read(), ...changes };
    try {
      sessionStorage.setItem(this.key, JSON.stringify(state));
    } catch {
      // Storage full or blocked (a privacy mode): the chat still works, it just will not survive a reload.
    }
    return state;
  }

  forgetConversation() {
    this.update({ conversation: null, draft: "" });
  }
}
