// The browser suite drives Debian's Chromium (no browser download is possible offline), and
// zh-CN pages need a CJK font to render. Installs both with apt when absent; we run as root on
// our machines and in CI.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasCjkFont = () => {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
};
const missing = [
  ...(existsSync(chromium) ? [] : ['chromium']),
  ...(hasCjkFont() ? [] : ['fonts-wqy-microhei']),
];
if (missing.length) {
  console.log(`[ensure-chromium] installing Debian packages: ${missing.join(' ')}`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, {
    stdio: 'inherit',
  });
}
