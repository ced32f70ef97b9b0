// The popup's data layer (components/view-data.ts) with its model: loaded as the popup opens, beside its first frame.
export * from '@/components/view-data';
export { popupView } from '@/lib/views/popup-view';
