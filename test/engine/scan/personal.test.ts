import { strict as assert } from 'node:assert';
import { findPersonalData } from '../../../server/src/engine/scan/personal';
import { assertExactHit, makeR, SETS } from './util';

const AT = '@';
const R = makeR(0x9e750);

describe('scan/personal: e-mail', () => {
  it('flags real-looking addresses with the exact range and a masked preview', () => {
    const cases = [
      `alice${AT}acme-corp.com`,
      `bob.smith+ci${AT}mail.acme-corp.co.uk`,
      `${R(8, 'a-z')}${AT}gmail.com`,
      `Dev.Ops_1${AT}startup.io`,
    ];
    for (const email of cases) {
      for (const text of [`Contact ${email} for access.`, `Author: Jane <${email}>`, `mailto:${email}`, `(${email})`, email]) {
        const hits = findPersonalData(text);
        const hit = assertExactHit(text, hits, email);
        assert.equal(hit.kind, 'email');
        const [local, domain] = email.split(AT) as [string, string];
        assert.equal(hit.preview, `${local[0]}…${AT}${domain}`);
        assert.ok(!hit.preview.includes(local.slice(1)));
      }
    }
  });

  it('does not flag reserved domains, role and bot addresses, remotes, URLs, versions and files', () => {
    const negatives = [
      `dev${AT}example.com`,
      `ops${AT}mail.example.org`,
      `a${AT}example.net`,
      `qa${AT}shop.test`,
      `x${AT}foo.invalid`,
      `y${AT}docs.example`,
      `z${AT}host.localhost`,
      `topofield-admin${AT}topofield.local`,
      `Co-Authored-By: Claude <noreply${AT}anthropic.com>`,
      `12345+alice${AT}users.noreply.github.com`,
      `security${AT}acme-corp.com`,
      `dev${AT}streampay.ai`,
      `contato${AT}empresa.com.br`,
      `git${AT}github.com:org/repo.git`,
      `deploy${AT}gitlab.acme-corp.com:group/app.git`,
      `ssh deploy${AT}prod.acme-corp.com`,
      `postgres://app${AT}db.acme-corp.com/app`,
      `https://alice${AT}acme-corp.com/`,
      `icon${AT}2x.png`,
      `yarn${AT}4.9.2`,
      `login-action${AT}v3`,
      `@types/node${AT}20.19.25`,
      `Pass${AT}N`,
      `root${AT}MCP-SERVER`,
      `${AT}alice on Slack`,
    ];
    for (const n of negatives) assert.deepEqual(findPersonalData(`- ${n}\n`).filter((h) => h.kind === 'email'), [], n);
  });
});

describe('scan/personal: stand-in domains and shared accounts', () => {
  it('does not flag a domain that says "your domain" in any language', () => {
    // From a real note: "Agregar `RESEND_FROM_EMAIL=citas@tudominio.cl` en `.env.local`".
    for (const domain of ['tudominio.cl', 'yourdomain.com', 'your-company.io', 'votredomaine.fr', 'seudominio.com.br', 'deinedomain.de', 'mijndomein.nl', 'mydomain.org', 'domain.com']) {
      assert.deepEqual(findPersonalData(`- RESEND_FROM_EMAIL=citas${AT}${domain}\n`), [], domain);
    }
    // A real domain that merely contains such a word is still a person's.
    assert.equal(findPersonalData(`alice${AT}sitemaster.com`).length, 1);
    assert.equal(findPersonalData(`alice${AT}mydomainstore.com`).length, 1);
  });

  it('does not flag an address its line calls a shared or team account', () => {
    // From a real note: a Korean table row and bullet naming the team's shared Google account.
    const shared = [
      `| 구글 드라이브 팀 공용 계정 | **\`nhnemkt${AT}gmail.com\`** — 이 계정으로 로그인 |`,
      `- **구글 드라이브 계정은 팀 공용 계정(\`nhnemkt${AT}gmail.com\`)입니다.**`,
      `- Shared account: ops.team${AT}gmail.com`,
      `- La cuenta compartida es equipo.x${AT}gmail.com`,
    ];
    for (const text of shared) assert.deepEqual(findPersonalData(text), [], text);
    // The word on another line does not cover an address.
    assert.equal(findPersonalData(`- Team account below\n- jane.doe${AT}gmail.com`).length, 1);
  });
});

describe('scan/personal: home paths', () => {
  it('flags /Users/<name>, /home/<name>, C:\\Users\\<name> (the home prefix only)', () => {
    const cases: [string, string][] = [
      ['/Users/alice/projects/app/run.sh', '/Users/alice'],
      ['/home/bob/data/', '/home/bob'],
      ['C:\\Users\\carol\\Documents\\app', 'C:\\Users\\carol'],
      ['c:/Users/dave/src', 'c:/Users/dave'],
      ['"C:\\\\Users\\\\erin\\\\AppData"', 'C:\\\\Users\\\\erin'],
      ['file:///Users/frank/notes.md', '/Users/frank'],
      ['cd /home/grace', '/home/grace'],
    ];
    for (const [path, home] of cases) {
      const text = `Run \`${path}\` first.`;
      const hit = assertExactHit(text, findPersonalData(text), home);
      assert.equal(hit.kind, 'home-path');
      assert.ok(!hit.preview.includes(home.slice(-3)), hit.preview);
    }
  });

  it('does not flag ~/, $HOME, /root, stand-in and service accounts, or /home inside URLs and routes', () => {
    for (const n of [
      '~/.cache/app/',
      '$HOME/.config',
      '%USERPROFILE%\\AppData',
      '/root/.ssh',
      '/home/user/project',
      '/Users/username/FFT_nano',
      '/home/youruser/...',
      '/home/ubuntu/cruscotto-italia',
      '/home/runner/work/app/app',
      '/Users/Shared/data',
      'C:\\Users\\Public\\Documents',
      'https://acme-corp.com/home/alice/',
      'src/app/home/page.tsx',
      '/var/home/alice/x',
      '/Users/<name>/src',
      '/home/$USER/src',
      // "your name" in other languages (a real Italian note: `C:\Users\TuoNome\AppData\Local\Android\Sdk`)
      'C:\\Users\\TuoNome\\AppData\\Local\\Android\\Sdk',
      '/home/usuario/proyecto',
      '/Users/benutzer/projekt',
    ]) {
      assert.deepEqual(findPersonalData(`path: \`${n}\`\n`), [], n);
    }
  });
});

describe('scan/personal: phone numbers', () => {
  it('flags international numbers with separators', () => {
    for (const phone of ['+1 415 867 5309', '+44 20 7123 4567', '+33 1 23 45 67 89', '+49 (0) 30 1234567', '+81-3-1234-5678', '+82 10-1234-5678']) {
      const text = `Call ${phone} after 6pm.`;
      const hit = assertExactHit(text, findPersonalData(text), phone);
      assert.equal(hit.kind, 'phone');
      assert.match(hit.preview, /^\+\d{1,3} …\(\d+ digits\)$/);
    }
  });

  it('does not flag dates, versions, times, diff stats, hashes, measurements or fictional numbers', () => {
    for (const n of [
      '2024-01-01',
      '+2024-01-01',
      'v1.2.3',
      '+05:30',
      '+12 -3',
      '+100 tests',
      '+1.2.3',
      '+0.5%',
      '+2.18 rad',
      '+1.37 m',
      '+1 415 555 0123',
      '+44 20 7946 0958',
      '(415) 867-5309',
      '415-867-5309',
      R(40, SETS.hex),
      '+5 10 15 20',
    ]) {
      assert.deepEqual(findPersonalData(`value ${n} here\n`), [], n);
    }
  });
});
