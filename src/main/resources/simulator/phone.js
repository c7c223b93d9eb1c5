// A basic phone speaking Africa's Talking's USSD wire format to /at/ussd: one form POST per hop with
// sessionId, serviceCode, phoneNumber, networkCode and text (every input so far joined by "*").
(function () {
  const token = new URLSearchParams(location.search).get('token');
  const query = token ? '?token=' + encodeURIComponent(token) : '';
  const screen = document.getElementById('screen');
  const entry = document.getElementById('entry');
  const phone = document.getElementById('phone');
  const code = document.getElementById('code');
  let session = null;
  let text = '';

  for (const key of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#']) {
    const button = document.createElement('button');
    button.textContent = key;
    button.onclick = () => { entry.value += key; entry.focus(); };
    document.getElementById('keys').appendChild(button);
  }

  async function hop() {
    const body = new URLSearchParams({
      sessionId: session, serviceCode: code.value, phoneNumber: phone.value, networkCode: '99999', text: text
    });
    try {
      const response = await fetch('/at/ussd' + query, {
        method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8'}, body: body
      });
      const answer = await response.text();
      if (!response.ok) {
        show('Network error (HTTP ' + response.status + ')');
        session = null;
      } else {
        show(answer.substring(4));
        if (!answer.startsWith('CON ')) {
          session = null;
        }
      }
    } catch (e) {
      show('Connection problem: ' + e.message);
      session = null;
    }
    refreshSms();
  }

  function show(message) {
    screen.textContent = message;
    entry.value = '';
    entry.placeholder = session ? 'reply' : code.value;
  }

  function send() {
    const typed = entry.value.trim();
    if (!session) {
      if (typed !== code.value && typed !== '') {
        show('Unknown code ' + typed + '. Dial ' + code.value);
        return;
      }
      session = 'ATUid_web_' + Date.now() + '_' + Math.random().toString(36).slice(2);
      text = '';
    } else {
      text = text === '' ? typed : text + '*' + typed;
    }
    hop();
  }

  // The pane keeps asking every 2 s whether a call is on or not: reminders and answers to texts come later.
  async function refreshSms() {
    const box = document.getElementById('sms');
    try {
      const response = await fetch('/simulator/sms?phone=' + encodeURIComponent(phone.value));
      const messages = response.ok ? await response.json() : [];
      box.replaceChildren();
      if (!Array.isArray(messages) || messages.length === 0) {
        box.textContent = 'No SMS yet.';
        return;
      }
      for (const m of messages) {
        const div = document.createElement('div');
        div.className = 'message';
        const meta = document.createElement('small');
        meta.className = 'status-' + (m.status || '');
        meta.textContent = (m.createdAt || '') + ' - ' + (m.status || '') + (m.dueAt ? ' - due ' + m.dueAt : '');
        div.appendChild(meta);
        div.appendChild(document.createTextNode(m.text || ''));
        box.appendChild(div);
      }
    } catch (e) {
      box.textContent = 'No SMS yet.';
    }
  }

  // The patient's answer goes to the same handling as a text arriving from Africa's Talking.
  async function sendSms(event) {
    event.preventDefault();
    const reply = document.getElementById('replyText');
    const typed = reply.value.trim();
    if (typed === '') {
      return;
    }
    await fetch('/simulator/sms/reply', {
      method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({phone: phone.value, text: typed})
    });
    reply.value = '';
    refreshSms();
  }

  document.getElementById('call').onclick = send;
  document.getElementById('hang').onclick = () => { session = null; show('Call ended.'); };
  entry.addEventListener('keydown', e => { if (e.key === 'Enter') send(); });
  phone.addEventListener('change', refreshSms);
  refreshSms();
  document.getElementById('reply').addEventListener('submit', sendSms);
  setInterval(refreshSms, 2000);
})();
