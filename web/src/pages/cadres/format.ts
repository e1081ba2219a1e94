export const STATUS_COLORS: Record<string, string> = {
  在职: 'green',
  退休: 'default',
  调离: 'orange',
  离职: 'orange',
  去世: 'default',
};
