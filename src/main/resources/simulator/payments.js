// The development payment provider's push prompt, shown over the phone's screen as a SIM toolkit prompt would be:
// "Pay KES 500 to <clinic>? Enter PIN" with Approve / Decline / Ignore. It asks /simulator/payments every 2 s
// for the prompts waiting for the phone number typed above the screen; its answer stands for the provider's.
(function () {
  const phone = document.getElementById('phone');
  const screen = document.getElementById('screen');
  const box = document.createElement('div');
  box.style.cssText = 'display:none;margin-top:8px;background:#fff8d6;border-radius:6px;padding:8px;font-size:13px';
  screen.insertAdjacentElement('afterend', box);
  let shown = null;

  async function poll() {
    try {
      const response = await fetch('/simulator/payments/prompts?phone=' + encodeURIComponent(phone.value));
      const prompts = response.ok ? await response.json() : [];
      const prompt = prompts[0];
      if (!prompt) {
        box.style.display = 'none';
        shown = null;
      } else if (!shown || shown.id !== prompt.id) {
        show(prompt);
      }
    } catch (e) {
      // the page keeps asking; a restart of the service is no reason to stop
    }
  }

  function show(prompt) {
    shown = prompt;
    box.replaceChildren();
    const question = document.createElement('div');
    question.textContent = 'Pay ' + prompt.amount + ' to ' + prompt.clinic + '? Enter PIN';
    const pin = document.createElement('input');
    pin.type = 'password';
    pin.placeholder = 'PIN';
    pin.style.cssText = 'width:100%;box-sizing:border-box;margin:6px 0';
    box.append(question, pin);
    for (const [label, answer] of [['Approve', 'approve'], ['Decline', 'decline'], ['Ignore', 'ignore']]) {
      const button = document.createElement('button');
      button.textContent = label;
      button.style.marginRight = '4px';
      button.onclick = () => answerPrompt(prompt.id, answer);
      box.appendChild(button);
    }
    box.style.display = 'block';
  }

  async function answerPrompt(id, answer) {
    box.style.display = 'none';
    await fetch('/simulator/payments/prompts/' + encodeURIComponent(id) + '/' + answer, {method: 'POST'});
    shown = null;
  }

  poll();
  setInterval(poll, 2000);
})();
