import { createRouter, createWebHistory } from 'vue-router'
import HomeView from '../views/HomeView.vue'
import * as api from '../api/client.js'
import { useSessionStore } from '../stores/session.js'

export const routes = [
  { path: '/', name: 'home', component: HomeView, meta: { titleKey: 'home.title' } },
  {
    path: '/organisationer/:id',
    name: 'organisation',
    component: () => import('../views/OrganisationView.vue'),
    props: true,
    meta: { titleKey: 'organisation.pageTitle' },
  },
  {
    path: '/omgangar/:id',
    name: 'round',
    component: () => import('../views/RoundView.vue'),
    props: true,
    meta: { titleKey: 'round.pageTitle' },
  },
  {
    path: '/omgangar/:id/resultat',
    name: 'result',
    component: () => import('../views/ResultView.vue'),
    props: true,
    meta: { titleKey: 'result.pageTitle' },
  },
  {
    path: '/svar/:id',
    name: 'response',
    component: () => import('../views/ResponseView.vue'),
    props: true,
    meta: { titleKey: 'response.pageTitle' },
  },
  {
    path: '/instrument',
    name: 'instruments',
    component: () => import('../views/InstrumentsView.vue'),
    meta: { titleKey: 'instruments.title', admin: true },
  },
  {
    path: '/jamfor',
    name: 'comparison',
    component: () => import('../views/ComparisonView.vue'),
    props: (route) => ({
      from: typeof route.query.from === 'string' ? route.query.from : '',
      to: typeof route.query.to === 'string' ? route.query.to : '',
    }),
    meta: { titleKey: 'comparison.pageTitle' },
  },
  {
    path: '/regional',
    name: 'regional',
    component: () => import('../views/RegionalView.vue'),
    meta: { titleKey: 'regional.title', regional: true },
  },
  {
    path: '/logga-in',
    name: 'login',
    component: () => import('../views/LoginView.vue'),
    props: (route) => ({
      redirect: typeof route.query.redirect === 'string' ? route.query.redirect : '',
      signedOutFrom: typeof route.query.utloggad === 'string' ? route.query.utloggad : '',
    }),
    meta: { titleKey: 'login.title', public: true },
  },
  {
    // Where a sign-in through an identity provider that went wrong ends, with the reason (OidcController).
    path: '/inloggning-misslyckades',
    name: 'sign-in-failed',
    component: () => import('../views/SignInFailedView.vue'),
    props: (route) => ({ reason: typeof route.query.orsak === 'string' ? route.query.orsak : '' }),
    meta: { titleKey: 'signInFailed.title', public: true },
  },
  {
    path: '/forsta-start',
    name: 'first-run',
    component: () => import('../views/FirstRunView.vue'),
    meta: { titleKey: 'firstRun.title', public: true },
  },
  {
    path: '/inbjudan/:token',
    name: 'invitation',
    component: () => import('../views/InvitationView.vue'),
    props: true,
    meta: { titleKey: 'invitation.title', public: true },
  },
  {
    path: '/glomt-losenord',
    name: 'forgot-password',
    component: () => import('../views/ForgotPasswordView.vue'),
    meta: { titleKey: 'forgotPassword.title', public: true },
  },
  {
    path: '/nytt-losenord/:token',
    name: 'new-password',
    component: () => import('../views/NewPasswordView.vue'),
    props: true,
    meta: { titleKey: 'newPassword.title', public: true },
  },
  {
    path: '/integritet',
    name: 'privacy',
    component: () => import('../views/PrivacyView.vue'),
    meta: { titleKey: 'privacy.title', public: true },
  },
  {
    path: '/admin/anvandare',
    name: 'admin-users',
    component: () => import('../views/AdminUsersView.vue'),
    meta: { titleKey: 'users.title', admin: true },
  },
  {
    path: '/tillganglighet',
    name: 'accessibility',
    component: () => import('../views/AccessibilityView.vue'),
    // The statement the law asks for: open to everyone, also respondents without an account.
    meta: { titleKey: 'accessibility.title', public: true },
  },
  {
    path: '/workshoppar',
    name: 'workshops',
    component: () => import('../views/WorkshopsView.vue'),
    meta: { titleKey: 'workshop.listTitle' },
  },
  {
    path: '/workshoppar/jamfor',
    name: 'workshop-comparison',
    component: () => import('../views/WorkshopComparisonView.vue'),
    props: (route) => ({
      from: typeof route.query.from === 'string' ? route.query.from : '',
      to: typeof route.query.to === 'string' ? route.query.to : '',
    }),
    meta: { titleKey: 'workshop.compareTitle' },
  },
  {
    path: '/workshoppar/:id',
    name: 'workshop',
    component: () => import('../views/WorkshopView.vue'),
    props: true,
    meta: { titleKey: 'workshop.controlTitle' },
  },
  {
    // The projector: no app header, footer or controls (meta.bare), nothing of the signed-in facilitator shown.
    path: '/workshoppar/:id/visning',
    name: 'workshop-presenter',
    component: () => import('../views/WorkshopPresenterView.vue'),
    props: true,
    meta: { titleKey: 'workshop.presenterTitle', bare: true },
  },
  {
    path: '/workshoppar/:id/sammanfattning',
    name: 'workshop-summary',
    component: () => import('../views/WorkshopSummaryView.vue'),
    props: true,
    meta: { titleKey: 'workshop.summaryTitle' },
  },
  {
    // The short address on the projector: a box for the code.
    path: '/w',
    name: 'workshop-join',
    component: () => import('../views/WorkshopJoinView.vue'),
    meta: { titleKey: 'workshop.joinPageTitle', public: true },
  },
  {
    // The participants' page: the address in the QR code and on the projector.
    path: '/w/:code',
    name: 'workshop-participant',
    component: () => import('../views/WorkshopParticipantView.vue'),
    props: true,
    // Participants join without an account: the page needs no login.
    meta: { titleKey: 'workshop.participantTitle', public: true, respondent: true },
  },
  {
    // A survey link (personal, or the round's open link) in an e-mail or a QR code: no account needed.
    path: '/s/:token',
    name: 'survey',
    component: () => import('../views/SurveyView.vue'),
    props: true,
    meta: { titleKey: 'survey.pageTitle', public: true, respondent: true },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('../views/NotFoundView.vue'),
    meta: { titleKey: 'notFound.title' },
  },
]

/**
 * Where a navigation may go. Public routes (meta.public) always; others need a signed-in user: without
 * one, the visitor goes to the first-run page while the first administrator is still missing, else to
 * the login page, which returns here afterwards. Admin routes (meta.admin) and the regional overview
 * (meta.regional: ADMIN and project leads) send others to their start page, as does "/" for a user with
 * one organisation. When the server cannot be reached, the page loads anyway: it shows what it can
 * (the response page works offline) and the server still decides on every request.
 */
export async function accessGuard(to, session) {
  if (to.meta.public) return true
  let user
  try {
    user = await session.load()
  } catch {
    return true
  }
  if (!user) {
    try {
      if ((await api.getSetup())?.needed) return { name: 'first-run' }
    } catch {
      // Without an answer the login page is the right place anyway.
    }
    return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  }
  const start = session.startRoute
  if (to.meta.admin && !session.isAdmin) return start
  if (to.meta.regional && !session.canSeeRegional) return start
  if (to.name === 'home' && start.name !== 'home') return start
  return true
}

/** `pinia` is the app's store instance; without it the active one is used (tests set it). */
export function createAppRouter(history = createWebHistory(import.meta.env.BASE_URL), { pinia } = {}) {
  const router = createRouter({
    history,
    routes,
    scrollBehavior(to, from, saved) {
      if (saved) return saved
      if (to.hash) return { el: to.hash, top: 96 }
      return { top: 0 }
    },
  })
  router.beforeEach((to) => accessGuard(to, useSessionStore(pinia)))
  return router
}
