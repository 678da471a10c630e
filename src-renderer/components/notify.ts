import { notifications } from '@mantine/notifications';
import i18n from '../i18n';

// Mantine's close button has no accessible name of its own.
const closeButtonProps = () => ({ 'aria-label': i18n.t('actions.close') });

export const notifySuccess = (message: string) => notifications.show({ color: 'teal', message, closeButtonProps: closeButtonProps() });
export const notifyError = (error: unknown) =>
  notifications.show({
    color: 'red',
    title: 'Klankbord',
    message: error instanceof Error ? error.message : String(error),
    autoClose: 10_000,
    closeButtonProps: closeButtonProps(),
  });
