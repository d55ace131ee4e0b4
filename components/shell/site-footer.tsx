import { Container } from '@/components/ui/container';
import { HealthStatus } from './health-status';

export function SiteFooter() {
  return (
    <footer className="border-t-4 border-nhs-blue bg-nhs-white">
      <Container className="space-y-2 py-6 text-nhs-dark-grey">
        <HealthStatus />
        <p>Dates are shown dd/mm/yyyy, Europe/London.</p>
      </Container>
    </footer>
  );
}
