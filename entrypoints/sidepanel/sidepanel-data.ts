// The side panel's data layer (components/view-data.ts) with its model: loaded as the panel opens, beside its first frame.
export * from '@/components/view-data';
export { checklistView } from '@/lib/views/checklist-view';
