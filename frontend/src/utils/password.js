// The password rules the server enforces, checked before sending so the person learns them at once.

export const MIN_PASSWORD_LENGTH = 10

/**
 * Check a new password typed twice. Returns `{ password, repeat }` messages (empty when fine);
 * `t` is vue-i18n's translate function.
 */
export function checkNewPassword(password, repeat, t) {
  const result = { password: '', repeat: '' }
  if (!password) result.password = t('validation.passwordRequired')
  else if (password.length < MIN_PASSWORD_LENGTH)
    result.password = t('validation.passwordTooShort', { n: MIN_PASSWORD_LENGTH })
  else if (repeat !== password) result.repeat = t('validation.passwordMismatch')
  return result
}
