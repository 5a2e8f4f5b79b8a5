// The pages clients use without signing in: a survey from the demo's personal link (its token is in
// the running stack's state file), the feedback form and its receipt, and the follow-up page.
import { existsSync, readFileSync } from 'node:fs';

function surveyToken(url) {
  const base = Number(new URL(url).port) - 5;
  const file = new URL(`../../.local/stack.${base}.json`, import.meta.url);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).surveyToken ?? null : null;
}

export default async function ({ session: signIn, shot, url, tag, want, width, locale }) {
  // A fresh browser lands on sign-in first; let that settle before opening the public page.
  const session = async (l, w) => {
    const s = await signIn(l, w, null);
    await s.page.getByTestId('signin-email').waitFor({ timeout: 45_000 });
    return s;
  };
  if (want('survey-answer')) {
    const token = surveyToken(url);
    if (token) {
      const { context, page } = await session(locale, width);
      await page.goto(`${url}/#/s/${token}`);
      await page.locator('[data-question], [data-testid="survey-refused"], [data-testid="survey-thanks"]').first().waitFor({ timeout: 45_000 });
      await shot(page, `survey-answer-${tag}`);
      await context.close();
    }
  }
  if (want('feedback')) {
    const { context, page } = await session(locale, width);
    await page.goto(`${url}/#/feedback`);
    await page.getByTestId('feedback-title').waitFor({ timeout: 45_000 });
    await shot(page, `feedback-${tag}`);
    await context.close();
  }
  if (want('follow')) {
    const { context, page } = await session(locale, width);
    await page.goto(`${url}/#/follow?number=HX-20261124-0001`);
    await page.getByTestId('follow-code').fill('000000');
    await page.getByTestId('follow-submit').click();
    await page.getByTestId('follow-error').waitFor({ timeout: 45_000 });
    await shot(page, `follow-${tag}`);
    await context.close();
  }
}
