/** True under 768 px: lists turn into cards, forms into one column. */
import { onBeforeUnmount, ref, type Ref } from 'vue';

export function useIsMobile(): Ref<boolean> {
  const mq = window.matchMedia('(max-width: 767px)');
  const mobile = ref(mq.matches);
  const on = (e: MediaQueryListEvent): void => { mobile.value = e.matches; };
  mq.addEventListener('change', on);
  onBeforeUnmount(() => mq.removeEventListener('change', on));
  return mobile;
}
