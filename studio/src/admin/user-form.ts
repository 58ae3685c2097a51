/** The editable part of a user on the user page, and the `updateUser` input holding only what changed. */
import type { AdminUser, UserInput } from './admin-api.js';
import { attributesToRows, rowsToAttributes, type AttributeRow } from './attribute-rows.js';

export interface UserForm {
  name: string;
  locale: string;
  timeZone: string;
  roles: string[];
  teamIds: string[];
  attributes: AttributeRow[];
}

export function userToForm(user: AdminUser): UserForm {
  return {
    name: user.name,
    locale: user.locale,
    timeZone: user.timeZone,
    roles: [...(user.roles ?? [])],
    teamIds: user.teams.map((t) => t.id),
    attributes: attributesToRows(user.attributes),
  };
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The changed fields (empty when nothing changed), or the problems that block saving. */
export function userChanges(user: AdminUser, form: UserForm): { input: UserInput; problems: { name?: string; attributes: Record<number, string> } } {
  const input: UserInput = {};
  const { attributes, problems: attributeProblems } = rowsToAttributes(form.attributes);
  const problems = { name: form.name.trim() ? undefined : 'Enter a name.', attributes: attributeProblems };
  if (form.name.trim() !== user.name) input.name = form.name.trim();
  if (form.locale !== user.locale) input.locale = form.locale;
  if (form.timeZone !== user.timeZone) input.timeZone = form.timeZone;
  if (!sameSet(form.roles, user.roles ?? [])) input.roles = form.roles;
  if (!sameSet(form.teamIds, user.teams.map((t) => t.id))) input.teamIds = form.teamIds;
  if (JSON.stringify(attributes) !== JSON.stringify(user.attributes ?? {})) input.attributes = attributes;
  return { input, problems };
}

export const hasProblems = (problems: { name?: string; attributes: Record<number, string> }): boolean =>
  !!problems.name || Object.keys(problems.attributes).length > 0;

/** Locales offered in the picker (plus the user's own when it is another). */
export const LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'pt-BR', 'sv-SE', 'pl-PL', 'ja-JP', 'zh-CN'];

export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

export function localeLabel(locale: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}
