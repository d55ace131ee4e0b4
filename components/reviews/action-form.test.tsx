import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ActionForm } from './action-form';

// The app router is not mounted outside Next; the form only asks it to refresh after a save.
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => undefined }) }));

const render = (props: Partial<Parameters<typeof ActionForm>[0]> = {}) =>
  renderToStaticMarkup(createElement(ActionForm, { link: { meetingId: 3 }, ...props }));

describe('the new-action form', () => {
  it('offers an owner, who it is about and the figure only when there are choices to make', () => {
    const bare = render();
    expect(bare).toContain('New action');
    expect(bare).toContain('Due');
    expect(bare).not.toContain('Owner');
    expect(bare).not.toContain('About');
    expect(bare).not.toContain('Figure it addresses');

    const full = render({
      owners: [{ userId: 5, name: 'Dr Ada Able', role: 'Consultant' }],
      consultants: [{ id: 11, name: 'Dr Ada Able' }],
      metrics: [{ id: 'fulfilmentNet', label: 'Session fulfilment (net)' }],
    });
    expect(full).toContain('<option value="" selected="">Me</option>');
    expect(full).toContain('<option value="5">Dr Ada Able (Consultant)</option>');
    expect(full).toContain('<option value="" selected="">The whole unit</option>');
    expect(full).toContain('<option value="11">Dr Ada Able</option>');
    expect(full).toContain('<option value="fulfilmentNet">Session fulfilment (net)</option>');
  });

  it('is drawn at the projector’s type size on a slide', () => {
    expect(render({ isOnSlide: true })).toContain('[&amp;_input]:text-[1.5rem]');
    expect(render()).not.toContain('text-[1.5rem]');
  });
});
