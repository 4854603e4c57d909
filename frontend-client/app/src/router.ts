import { createRouter, createWebHistory } from "vue-router";
import { PAGES } from "./pages";
import { useAuthStore } from "./stores/auth";

export const router = createRouter({
  // History mode: the server answers unknown paths with index.html (SPA fallback).
  history: createWebHistory(),
  routes: [
    { path: "/sign-in", name: "sign-in", component: () => import("./pages/SignInPage.vue"), meta: { public: true } },
    {
      path: "/",
      component: () => import("./layouts/AppLayout.vue"),
      children: [
        { path: "", redirect: { name: "market" } },
        ...PAGES.map((page) => ({ path: page.path.slice(1), name: page.name, component: page.component, meta: { title: page.title } })),
      ],
    },
    { path: "/:rest(.*)*", redirect: "/" },
  ],
});

router.beforeEach((to) => {
  const auth = useAuthStore();
  if (!to.meta.public && !auth.signedIn) return { name: "sign-in", query: { next: to.fullPath } };
  if (to.name === "sign-in" && auth.signedIn) return { name: "market" };
  return true;
});
