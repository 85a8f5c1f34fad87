import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export function ErrorBar({ title, message }: { title: string; message: string | null }) {
  if (!message) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}

export function InfoBar({
  message,
  intent = 'success',
}: {
  message: string | null;
  intent?: 'success' | 'info' | 'warning';
}) {
  if (!message) return null;
  return (
    <MessageBar intent={intent}>
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}
