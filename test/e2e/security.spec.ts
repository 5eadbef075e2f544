import { expect, test } from './browser-host';

test('a request without the launch token is refused and runs nothing', async ({ request, host }) => {
  const call = { method: 'groups.list', input: {} };
  const missing = await request.post(`${host.origin}/rpc`, { headers: { 'content-type': 'application/json' }, data: call });
  expect(missing.status()).toBe(401);
  expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'AUTH' } });

  const wrong = await request.post(`${host.origin}/rpc`, { headers: { authorization: 'Bearer not-the-token', 'content-type': 'application/json' }, data: call });
  expect(wrong.status()).toBe(401);

  const events = await request.get(`${host.origin}/events`);
  expect(events.status()).toBe(401);

  const right = await request.post(`${host.origin}/rpc`, { headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' }, data: call });
  expect(right.status()).toBe(200);
});

test('bad input answers VALIDATION with the field that is wrong', async ({ request, host }) => {
  const response = await request.post(`${host.origin}/rpc`, {
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    data: { method: 'members.list', input: { groupNumber: '100234', limit: 5000 } },
  });
  const body = await response.json();
  expect(body).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { limit: expect.any(String) } } });
});

test('the token leaves the address bar once the app has read it', async ({ page, host }) => {
  await page.goto(host.appUrl);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(page.url()).not.toContain(host.token);
});
