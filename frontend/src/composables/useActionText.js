import { useI18n } from 'vue-i18n'
import { ACTION_STATUSES } from '@/stores/actions.js'

/** How an improvement action reads in a table or a list: its status as a word, and "what (status)". */
export function useActionText() {
  const { t } = useI18n()
  const statusWord = (status) => (ACTION_STATUSES.includes(status) ? t(`actions.statusWords.${status}`) : status)
  const actionLine = (action) => t('comparison.actionLine', { what: action.what, status: statusWord(action.status) })
  return { statusWord, actionLine }
}
